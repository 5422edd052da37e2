# frozen_string_literal: true

# Rails on the stock ruby+stdlib.wasm: what the service worker loads before an app that asks for it
# (the bundle manifest's "preload"). Each piece is described in the README ("Rails on WebAssembly").
require "rubyport/iseq_cache"
require "rubyport/deferred_thread"
require "rubyport/single_thread"

module Rubyport
  module WasmCompat
    # Gems whose role a file of this layer plays, so that `gem "sqlite3", "~> 1.4"` (ActiveRecord's
    # adapter) does not look for a gem specification that cannot exist here.
    STAND_INS = %w[sqlite3 bigdecimal nokogiri rails-html-sanitizer].freeze

    # Where the bundle mounts Debian's zoneinfo files (no zone data is packed inside the wasm).
    ZONEINFO = ENV.fetch("ZONEINFO", "/gems/zoneinfo")

    class << self
      # Runs the app's pending migrations, then db/seeds.rb when the database was empty: a packed Rails
      # app's database lives in the browser, so its first boot there is its deployment.
      def migrate(app)
        context = ActiveRecord::Base.connection.migration_context
        return unless context.needs_migration?
        fresh = context.current_version.zero?
        context.migrate
        seeds = app.root.join("db/seeds.rb")
        load seeds.to_s if fresh && seeds.exist?
      end
    end
  end
end

module Kernel
  alias_method :rubyport_gem_without_stand_ins, :gem
  private :rubyport_gem_without_stand_ins

  private

  def gem(name, *requirements)
    return true if Rubyport::WasmCompat::STAND_INS.include?(name.to_s)
    rubyport_gem_without_stand_ins(name, *requirements)
  end
end

if File.directory?(Rubyport::WasmCompat::ZONEINFO)
  begin
    require "tzinfo"
    TZInfo::DataSource.set(:zoneinfo, Rubyport::WasmCompat::ZONEINFO)
  rescue LoadError
    # No tzinfo on the load path: nothing needs zone data.
  end
end

begin
  require "active_support/lazy_load_hooks"
  # Rails runs this once the app has initialised. In the service worker the migrations wait until the
  # bridge says the app is ready: the VM may be snapshotted in between, and a snapshot must not hold the
  # database connection (a JavaScript object).
  ActiveSupport.on_load(:after_initialize) do
    app = self
    if defined?(ActiveRecord::Base) && root.join("db/migrate").directory?
      if defined?(Rubyport::RackBridge)
        Rubyport::RackBridge.when_ready { Rubyport::WasmCompat.migrate(app) }
      else
        Rubyport::WasmCompat.migrate(app)
      end
    end
  end
rescue LoadError
  # Not a Rails app.
end
