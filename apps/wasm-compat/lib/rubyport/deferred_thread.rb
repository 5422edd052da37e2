# frozen_string_literal: true

module Rubyport
  # What Thread.new returns on WebAssembly, where Ruby has no native threads. The block runs when
  # the thread is joined or its value asked for, on the caller's stack; a thread nobody joins (a pool
  # reaper, concurrent-ruby's finalizer) never runs. Running blocks at once instead would deadlock: a
  # reaper's empty Queue#pop raises "No live threads left".
  class DeferredThread
    attr_accessor :name, :abort_on_exception, :report_on_exception, :priority

    def initialize(*args, &block)
      raise ThreadError, "must be called with a block" unless block
      @args = args
      @block = block
      @state = :pending
      @locals = {}
      @variables = {}
    end

    # Runs the block if it has not run; re-raises what it raised.
    def join(_limit = nil)
      if @state == :pending
        @state = :running
        begin
          @value = @block.call(*@args)
          @state = :done
        rescue Exception => e # rubocop:disable Lint/RescueException -- a joined thread re-raises anything
          @error = e
          @state = :failed
        end
      end
      raise @error if @error
      self
    end

    def value
      join
      @value
    end

    def alive? = @state == :pending || @state == :running
    def stop? = !alive? || @state == :pending
    def status = { pending: "sleep", running: "run", done: false, failed: nil }.fetch(@state)

    def kill
      @state = :done if @state == :pending
      self
    end
    alias_method :terminate, :kill
    alias_method :exit, :kill

    def wakeup = self
    alias_method :run, :wakeup

    def [](key) = @locals[key.to_sym]
    def []=(key, value)
      @locals[key.to_sym] = value
    end
    def key?(key) = @locals.key?(key.to_sym)
    def keys = @locals.keys
    def thread_variable_get(key) = @variables[key.to_sym]
    def thread_variable_set(key, value)
      @variables[key.to_sym] = value
    end
    def thread_variable?(key) = @variables.key?(key.to_sym)
    def group = ThreadGroup::Default
    def backtrace(*) = []
    def pending_interrupt? = false
    def native_thread_id = nil
    def inspect = "#<Rubyport::DeferredThread #{@state}>"
  end
end

class Thread
  class << self
    # Thread.new without native threads: a DeferredThread (see above).
    def new(*args, &block) = Rubyport::DeferredThread.new(*args, &block)
    alias_method :start, :new
    alias_method :fork, :new
  end
end
