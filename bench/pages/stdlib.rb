# Requires json, csv, erb, set, time and fileutils, uses each, then FileUtils on a tree of 100 files.
def now_ms = Process.clock_gettime(Process::CLOCK_MONOTONIC) * 1000.0

t0 = now_ms
%w[json erb set time fileutils].each { |lib| require lib }
csv = begin
  require "csv"
  true
rescue LoadError
  false # a bundled gem since Ruby 3.4; the stock wasm does not include it
end
t1 = now_ms

Dir.mkdir("/tmp") unless Dir.exist?("/tmp")
data = JSON.parse(JSON.generate({ "items" => (1..200).map { |i| { "id" => i, "at" => Time.at(i * 86_400).utc.iso8601 } } }))
table = CSV.generate { |out| data["items"].each { |item| out << [item["id"], item["at"]] } } if csv
page = ERB.new("<% items.each do |i| %><li><%= i['id'] %></li><% end %>").result_with_hash(items: data["items"])
ids = Set.new(data["items"].map { |item| item["id"] })
parsed = data["items"].map { |item| Time.iso8601(item["at"]) }
raise "json/erb/set/time disagree" unless ids.size == 200 && page.scan("<li>").size == 200 && parsed.size == 200

FileUtils.mkdir_p("/tmp/tree/a/b")
100.times { |i| File.write("/tmp/tree/#{%w[a a/b][i % 2]}/f#{i}.rb", "# #{i}\n" * 20) }
FileUtils.cp_r("/tmp/tree", "/tmp/copy")
FileUtils.mv("/tmp/copy", "/tmp/moved")
copied = Dir.glob("/tmp/moved/**/*.rb").size
FileUtils.rm_rf(["/tmp/tree", "/tmp/moved"])
raise "expected 100 copied files, got #{copied}" unless copied == 100 && !Dir.exist?("/tmp/tree")
t2 = now_ms

puts format("BENCH stdlib require_ms=%.1f work_ms=%.1f total_ms=%.1f csv=%s", t1 - t0, t2 - t1, t2 - t0, csv ? 1 : 0)
