# frozen_string_literal: true

# With one thread, nothing can interrupt a block and no lock is ever contended; these run the block from
# Ruby instead of C. In this ruby.wasm every C-level ensure or tag (rb_ensure, EC_PUSH_TAG) captures the
# whole stack through Asyncify, ~20–50 µs at Rails' depth, and a request does dozens of them.
class Thread
  def self.handle_interrupt(_mask) = yield
end

class Monitor
  def synchronize
    enter
    begin
      yield
    ensure
      exit
    end
  end
  alias_method :mon_synchronize, :synchronize
end

class Thread::Mutex
  def synchronize
    lock
    begin
      yield
    ensure
      unlock
    end
  end
end
