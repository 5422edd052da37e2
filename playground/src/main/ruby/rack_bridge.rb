# Runs a packed Rack app for the service worker. Each request arrives as two files (the environment as
# JSON and the body bytes), so nothing the visitor sends is ever pasted into Ruby source. The answer is a
# head (the status, then one "Name: value" line per header value) returned as a string, and the body
# written to a file. Requests come one at a time, so the same three files serve every exchange.
require "json"
require "stringio"

module Rubyport
  module RackBridge
    EXCHANGE_DIR = "/tmp/rubyport-rack"
    RESPONSE_BODY = "#{EXCHANGE_DIR}/response.out"

    class << self
      # Sets up the load path and ENV from the bundle's manifest; returns how many preloads it lists.
      def setup(manifest_json)
        @manifest = JSON.parse(manifest_json)
        @manifest.fetch("loadPath", []).reverse_each { |dir| $LOAD_PATH.unshift(dir) }
        @manifest.fetch("env", {}).each { |key, value| ENV[key] = value.to_s }
        ENV["RACK_ENV"] ||= "development"
        ENV["RUBYPORT_APP"] = @manifest.fetch("name")
        Dir.chdir(@manifest.fetch("root"))
        @manifest.fetch("preload", []).length
      end

      # Takes mib MiB of wasm memory in one step, malloc'd and freed at once, so that Ruby's heap grows
      # into it. The memory otherwise grows a page at a time, and V8 answers each growth with a full
      # garbage collection ("external memory pressure"): loading Rails grew it ~500 times, which cost more
      # than the loading itself under Node (8 s of preloads became 3 s; scripts/compile-iseqs.mjs uses it).
      # Chromium's service worker showed no such gain, so the app host does not.
      def reserve_memory(mib)
        String.new(capacity: mib << 20).clear
        mib
      end

      # Requires the manifest's preload number index. The host calls this once per feature, each from the
      # top level: Rails nests requires deep enough to overflow the browser's stack when they all start
      # from the rackup file.
      def preload(index)
        feature = @manifest.fetch("preload").fetch(index)
        require feature
        feature
      end

      # Whether a copy of the VM's memory, taken now, is all there is to it: no JavaScript objects (the js
      # gem not loaded) and no file open besides stdio. The host then snapshots the built app, and later
      # boots restore that instead of loading it again.
      def snapshot_safe?
        return false if defined?(::JS)
        GC.start # garbage still holding a descriptor would count as open
        open_io = ObjectSpace.each_object(IO).any? { |io| !io.closed? && io.fileno > 2 }
        open_dir = ObjectSpace.each_object(Dir).any? { |dir| dir_open?(dir) }
        !open_io && !open_dir
      end

      # Builds the app from its rackup file (after the preloads, or a snapshot taken after them).
      def build
        Dir.mkdir(EXCHANGE_DIR) unless Dir.exist?(EXCHANGE_DIR)
        require "rack"
        built = Rack::Builder.parse_file(@manifest.fetch("entry"))
        # Rack 2 returns [app, options]; Rack 3 returns the app.
        @app = built.is_a?(Array) ? built.first : built
        "booted"
      end

      # Runs block when the app is ready to serve: after every boot, whether built or restored from a
      # snapshot (the Rails layer migrates the database here).
      def when_ready(&block)
        (@ready_hooks ||= []) << block
      end

      # Runs the when_ready blocks; the host calls it after build, and after restoring a snapshot.
      def ready
        Array(@ready_hooks).each(&:call)
        "ready"
      end

      # Calls the app for the waiting request; returns the head, writes the body to the response file.
      def call
        env = JSON.parse(File.read("#{EXCHANGE_DIR}/request.env"))
        env.merge!(
          "rack.input" => StringIO.new(File.binread("#{EXCHANGE_DIR}/request.in")),
          "rack.errors" => $stderr,
          "rack.version" => Rack::VERSION,
          "rack.multithread" => false,
          "rack.multiprocess" => false,
          "rack.run_once" => false,
          "rack.hijack?" => false,
        )
        status, headers, body = @app.call(env)
        write_body(body)
        head(status, headers)
      rescue Exception => e # rubocop:disable Lint/RescueException -- any failure becomes a 500 page, the VM lives on
        File.binwrite(RESPONSE_BODY, e.message.to_s)
        ["error", e.class.name, *Array(e.backtrace)].join("\n")
      end

      private

      def dir_open?(dir)
        dir.tell
        true
      rescue IOError
        false
      end

      # Streams the body's chunks (an Array or anything answering each) into the response file.
      def write_body(body)
        File.open(RESPONSE_BODY, "wb") do |file|
          body.each { |chunk| file.write(chunk) }
        end
      ensure
        body.close if body.respond_to?(:close)
      end

      def head(status, headers)
        lines = [Integer(status).to_s]
        headers.each do |name, value|
          Array(value).each do |item|
            item.to_s.split("\n").each { |line| lines << "#{name}: #{line}" }
          end
        end
        lines.join("\n")
      end
    end
  end
end
