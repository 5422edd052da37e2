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

    # exit! ends the run at once with its status. Ruby's own would leave through WASI's proc_exit, which
    # unwinds the VM as a JavaScript exception, and ruby.wasm answers that with a crash report.
    class HardExit < Exception # rubocop:disable Lint/InheritException -- as SystemExit, past rescue => e
      attr_reader :code

      def initialize(status)
        @code = case status
                when true then 0
                when false then 1
                else Integer(status)
                end
        super("exit!(#{@code})")
      end
    end

    [Kernel, Kernel.singleton_class, Process.singleton_class].each do |owner|
      owner.define_method(:exit!) { |status = false| raise HardExit, status }
    end
    Kernel.send(:private, :exit!)

    # Frames of this runner, which ran the user's file: not theirs to read in a backtrace.
    OWN_FRAME = /\A(?:eval|-e):/

    # Runs path as a top-level file (so require_relative works) in its own directory, as `ruby path`
    # would: $0 is the path, so `if __FILE__ == $0` holds.
    def self.run(path)
      Dir.chdir(File.dirname(path))
      $0 = path
      value = RubyVM::InstructionSequence.compile_file(path).eval
      JSON.generate(status: "ok", result: inspect_result(value))
    rescue SystemExit => e
      JSON.generate(status: "exit", code: e.status)
    rescue HardExit => e
      JSON.generate(status: "exit", code: e.code)
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
      location = (error.backtrace_locations || []).find { |l| l.absolute_path.to_s.start_with?("/project/") }
      error.set_backtrace(error.backtrace.grep_v(OWN_FRAME)) if error.backtrace
      # syntax_suggest would search the file for the missing `end`, under Timeout, which needs a Thread.
      message = error.full_message(highlight: false, order: :top, syntax_suggest: false)
      hint = HINTS.find { |klass, _| error.is_a?(klass) }&.last
      message = "#{message.chomp}\n#{hint}\n" if hint
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
