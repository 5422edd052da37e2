// Example projects for the playground's examples menu. Each is a complete project (`files`, main.rb the
// entry) and says where it must run: "worker" (the normal, stoppable run) or "page" (the page's own thread,
// needed for the DOM, which a worker cannot reach). String.raw keeps Ruby's backslashes as written.

export const EXAMPLES = [
  {
    id: "strings-arrays",
    title: "Strings and arrays",
    target: "worker",
    files: {
      "main.rb": String.raw`# Strings and arrays: the everyday building blocks.
sentence = "the quick brown fox jumps over the lazy dog"
words = sentence.split

puts sentence.capitalize
puts "#{words.size} words, #{sentence.delete(" ").size} letters"
puts "Longest word: #{words.max_by(&:length)}"
puts "Backwards: #{words.reverse.join(" ")}"
puts "Title Case: #{words.map(&:capitalize).join(" ")}"

# tally counts things; sort_by with a negative count puts the most common first.
common = sentence.delete(" ").chars.tally.sort_by { |char, count| [-count, char] }.first(3)
puts "Most common letters: #{common.map { |char, count| "#{char}×#{count}" }.join(", ")}"

numbers = (1..12).to_a
evens, odds = numbers.partition(&:even?)
puts "Evens: #{evens.inspect}"
puts "Odd squares: #{odds.map { it * it }.inspect}"   # "it" is the block's argument (Ruby 3.4)
puts "In threes: #{numbers.each_slice(3).map(&:sum).inspect}"
puts format("%-8s|%6.2f|", "pi", Math::PI)
puts "Palindrome? #{"Never odd or even".downcase.delete(" ").then { it == it.reverse }}"
`,
    },
  },
  {
    id: "classes",
    title: "Classes, modules and inheritance",
    target: "worker",
    files: {
      "main.rb": String.raw`# A small class hierarchy; the mixin lives in lib/ and is loaded with require_relative.
require_relative "lib/describable"

class Animal
  include Comparable      # <, >, sort and max from one <=> method
  include Describable

  attr_reader :name, :age

  def initialize(name, age)
    @name = name
    @age = age
  end

  def sound = "..."
  def <=>(other) = age <=> other.age
  def to_s = "#{self.class.name.downcase} #{name} (#{age})"
end

class Dog < Animal
  def initialize(name, age, tricks: [])
    super(name, age)      # Animal#initialize sets name and age
    @tricks = tricks
  end

  def sound = "Woof"

  def describe
    tricks = @tricks.empty? ? "no tricks yet" : "knows #{@tricks.join(" and ")}"
    "#{super}, #{tricks}"  # super: Describable#describe, found through the ancestors
  end
end

class Puppy < Dog
  def sound = "#{super.downcase}!"
end

class Cat < Animal
  def sound = "Meow"
end

animals = [Dog.new("Rex", 5, tricks: %w[sit roll]), Puppy.new("Bit", 1), Cat.new("Tom", 3)]
animals.each { |animal| puts animal.describe }
puts "Oldest: #{animals.max}"
puts "By age: #{animals.sort.map(&:name).join(", ")}"
puts "Puppy ancestors: #{Puppy.ancestors.take_while { it != Object }.join(" < ")}"
puts "Is a Puppy a Dog? #{Puppy.new("Ace", 0).is_a?(Dog)}"
`,
      "lib/describable.rb": String.raw`# A mixin: any class that includes it and has name and sound can describe itself.
module Describable
  def describe
    "#{self} says #{sound}"
  end
end
`,
    },
  },
  {
    id: "files",
    title: "Reading and writing files",
    target: "worker",
    files: {
      "main.rb": String.raw`# Files: the project's own files can be read, and /tmp is free for scratch work.
require "fileutils"

# Project files sit next to main.rb.
notes = File.expand_path("data/notes.txt", __dir__)
lines = File.readlines(notes, chomp: true)
puts "data/notes.txt has #{lines.size} lines; the first is #{lines.first.inspect}"

work = "/tmp/rubyport-example"
FileUtils.rm_rf(work)
FileUtils.mkdir_p("#{work}/out")

# Write a file, then append to it.
todo = "#{work}/out/todo.txt"
File.write(todo, lines.grep(/TODO/).map { it.sub("TODO: ", "- ") }.join("\n") + "\n")
File.open(todo, "a") { |file| file.puts "- enjoy Ruby" }
puts "\n#{todo}:"
puts File.read(todo)

FileUtils.cp(todo, "#{work}/copy.txt")
File.rename("#{work}/copy.txt", "#{work}/backup.txt")
puts "\nEverything under #{work}:"
Dir.glob("**/*", base: work).sort.each do |path|
  full = File.join(work, path)
  puts File.directory?(full) ? "  #{path}/" : "  #{path} (#{File.size(full)} bytes)"
end
File.delete("#{work}/backup.txt")
puts "backup.txt after File.delete: #{File.exist?("#{work}/backup.txt") ? "still there" : "gone"}"
`,
      "data/notes.txt": `Shopping and chores
TODO: buy milk
water the plants (done)
TODO: call the library
`,
    },
  },
  {
    id: "json-csv",
    title: "JSON and CSV",
    target: "worker",
    files: {
      "main.rb": String.raw`# JSON and CSV from Ruby's standard library.
require "json"
require "csv"

# CSV: parse with headers, converting numbers as we go.
table = CSV.read(File.expand_path("data/scores.csv", __dir__), headers: true, converters: :numeric)
puts "Players: #{table["name"].join(", ")}"
best = table.max_by { it["score"] }
puts "Best: #{best["name"]} with #{best["score"]}"

# Group by team and turn the result into JSON.
teams = table.group_by { it["team"] }.transform_values do |rows|
  { players: rows.map { it["name"] }, average: (rows.sum { it["score"] } / rows.size.to_f).round(1) }
end
json = JSON.pretty_generate(teams)
puts json

# ...and back: JSON text to Ruby hashes (with symbol keys), then a new CSV.
parsed = JSON.parse(json, symbolize_names: true)
csv = CSV.generate do |out|
  out << %w[team players average]
  parsed.each { |team, info| out << [team, info[:players].size, info[:average]] }
end
puts csv
`,
      "data/scores.csv": `name,team,score
Ada,red,91
Grace,blue,87
Linus,red,78
Yukihiro,blue,95
Matz,green,88
`,
    },
  },
  {
    id: "dom",
    title: "Changing the page (DOM)",
    target: "page",
    files: {
      "main.rb": String.raw`# Ruby drives the page through JavaScript: require "js" gives JS.global (window).
# This example runs on the page itself (not in the background), since only the page can reach the DOM.
require "js"

document = JS.global[:document]
sandbox = document.getElementById("dom-sandbox")
raise "This page has no #dom-sandbox area to draw in." if sandbox == JS::Null

card = document.createElement("div")
card[:textContent] = "Hello from Ruby #{RUBY_VERSION}! Click me to change colour."
style = card[:style]
style[:padding] = "1em"
style[:borderRadius] = "8px"
style[:cursor] = "pointer"
style[:color] = "white"

colours = %w[crimson seagreen royalblue darkorange rebeccapurple]
clicks = 0
paint = -> { style[:background] = colours[clicks % colours.size] }
paint.call
# A Ruby block as a JavaScript event listener.
card.addEventListener("click") do
  clicks += 1
  paint.call
  card[:textContent] = "Clicked #{clicks} time#{"s" unless clicks == 1}: now #{colours[clicks % colours.size]}."
end

sandbox.replaceChildren(card)
puts "Added a card to the page; its text is #{card[:textContent].to_s.inspect}"
puts "The page's title is #{document[:title].to_s.inspect}"
`,
    },
  },
  {
    id: "gets",
    title: "Reading input with gets",
    target: "worker",
    files: {
      "main.rb": String.raw`# Interactive input: gets reads one line, or returns nil when the input has ended.
print "Name? "
name = gets&.chomp
name = "stranger" if name.nil? || name.strip.empty?
puts "Hello, #{name}!"

puts "Type numbers, one per line; end the input to see their sum."
sum = 0
count = 0
while (line = gets)
  line = line.strip
  next if line.empty?
  number = Integer(line, exception: false) || Float(line, exception: false)
  if number
    sum += number
    count += 1
  else
    puts "#{line.inspect} is not a number; skipped."
  end
end
puts "The sum of #{count} number#{"s" unless count == 1} is #{sum}."
`,
    },
  },
  {
    id: "data-patterns",
    title: "Data objects and pattern matching",
    target: "worker",
    files: {
      "main.rb": String.raw`# Data.define makes small immutable value objects; case/in takes them apart.
Point = Data.define(:x, :y) do
  def +(other) = with(x: x + other.x, y: y + other.y)
  def to_s = "(#{x}, #{y})"
end

Circle = Data.define(:center, :radius)
Rect = Data.define(:corner, :width, :height)

def area(shape)
  case shape
  in Circle[radius:] then (Math::PI * radius**2).round(2)
  in Rect[width:, height:] then width * height
  end
end

def describe(value)
  case value
  in Point[x: 0, y: 0] then "the origin"
  in Point[x:, y:] if x == y then "a point on the diagonal at #{x}"
  in Circle[center:, radius:] then "a circle of radius #{radius} around #{center}"
  in {name: String => name, tags: [*, "ruby", *]} then "#{name}, tagged ruby"
  in [Integer => first, *rest] then "a list starting with #{first} (#{rest.size} more)"
  else "something else: #{value.inspect}"
  end
end

shapes = [Circle.new(center: Point.new(x: 0, y: 0), radius: 2), Rect.new(corner: Point.new(x: 1, y: 1), width: 3, height: 4)]
shapes.each { puts "#{it.class.name} area: #{area(it)}" }
puts Point.new(x: 1, y: 2) + Point.new(x: 3, y: 4)
samples = [Point.new(x: 0, y: 0), Point.new(x: 5, y: 5), shapes.first,
           {name: "Rubyport", tags: %w[wasm ruby java]}, [1, 2, 3], :other]
samples.each { puts describe(it) }
puts "Data objects are frozen: #{Point.new(x: 1, y: 2).frozen?}"
`,
    },
  },
];
