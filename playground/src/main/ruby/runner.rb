# Loaded once into each playground VM: runs a project's entry file and reports how it ended as JSON.
require "json"

# Output reaches the page as it is written, not when a buffer fills.
$stdout.sync = true
$stderr.sync = true

module Rubyport
  module Runner
    PROJECT_FILE = %r{(/project/[^:\s]+):(\d+)}
    MAX_RESULT = 10_000
    # What to tell the user after errors that come from the machine's limits rather than their logic.
    HINTS = {
      NoMemoryError => "Ruby ran out of memory: WebAssembly gives a program at most 4 GB. " \
                       "The next run starts in a fresh VM.",
      SystemStackError => "The program recursed too deeply for the stack. The next run starts in a fresh VM.",
    }.freeze

    # Runs path as a top-level file (so require_relative works) in its own directory.
    def self.run(path)
      Dir.chdir(File.dirname(path))
      value = RubyVM::InstructionSequence.compile_file(path).eval
      JSON.generate(status: "ok", result: inspect_result(value))
    rescue SystemExit => e
      JSON.generate(status: "exit", code: e.status)
    rescue Exception => e # rubocop:disable Lint/RescueException -- report everything the user's code raises
      report(e)
    ensure
      $stdout.flush
      $stderr.flush
    end

    def self.inspect_result(value)
      text = value.inspect
      text.length > MAX_RESULT ? "#{text[0, MAX_RESULT]}…" : text
    rescue Exception => e # rubocop:disable Lint/RescueException
      "#<inspect failed: #{e.class}>"
    end

    # The message with backtrace, and the first place in the project it points at (for highlighting).
    def self.report(error)
      message = error.full_message(highlight: false, order: :top)
      hint = HINTS.find { |klass, _| error.is_a?(klass) }&.last
      message = "#{message.chomp}\n#{hint}\n" if hint
      location = (error.backtrace_locations || []).find { |l| l.absolute_path.to_s.start_with?("/project/") }
      file, line =
        if location
          [location.absolute_path, location.lineno]
        elsif (match = PROJECT_FILE.match(message))
          [match[1], match[2].to_i]
        end
      JSON.generate(status: "error", message: message, file: file&.delete_prefix("/project/"), line: line)
    end
  end
end
