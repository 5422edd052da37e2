# frozen_string_literal: true

module Rubyport
  # Compiled Ruby for the bundle's gems and the standard library, made at build time by
  # scripts/compile-iseqs.mjs with this same ruby.wasm: a require of /gems/x/lib/y.rb loads
  # ISEQ_DIR/gems/x/lib/y.rb.iseq instead of parsing and compiling the source, which is most of the cost
  # of loading Rails here (about 6 ms a file). Gem mounts are read-only and the standard library is inside
  # the wasm, so a cached file cannot go stale; anything else (the app's own files, a file with no cache
  # entry, a binary from another Ruby) is compiled as usual.
  module IseqCache
    ISEQ_DIR = "/gems/iseq-cache"
    IMMUTABLE = ["/gems/", "/usr/local/lib/ruby/"].freeze

    # The compiled form of path, or nil to let Ruby compile it.
    def self.load(path)
      return nil unless path.start_with?(*IMMUTABLE)
      cached = "#{ISEQ_DIR}#{path}.iseq"
      return nil unless File.file?(cached)
      RubyVM::InstructionSequence.load_from_binary(File.binread(cached))
    rescue StandardError
      nil
    end
  end
end

if File.directory?(Rubyport::IseqCache::ISEQ_DIR)
  # Ruby asks this for every file it requires or loads (the hook bootsnap uses).
  class << RubyVM::InstructionSequence
    def load_iseq(path) = Rubyport::IseqCache.load(path)
  end
end
