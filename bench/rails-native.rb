# The Rails demo (apps/rails-tasks) on native Ruby, for bench/rails-app.mjs: Debian's ruby with the same
# Rails sources the bundle packs (the unpacked Debian packages under .cache/debian-gems), Debian's
# ruby-sqlite3 and WEBrick on 127.0.0.1.
#
#   ruby bench/rails-native.rb APP_COPY_DIR PORT LOAD_PATH...
# APP_COPY_DIR is a scratch copy of apps/rails-tasks (its database is created there). Prints
# "booted <ms>" once it listens.
started = Process.clock_gettime(Process::CLOCK_MONOTONIC)
app_dir, port, *load_path = ARGV
load_path.reverse_each { |dir| $LOAD_PATH.unshift(dir) }
# Only the stand-in sanitizer: native Ruby has bigdecimal, sockets and threads, and ruby-sqlite3 is real;
# Loofah (the real sanitizer's engine) is not among the packed gems.
$LOAD_PATH.push(File.expand_path("../apps/wasm-compat/lib", __dir__))
ENV["RAILS_ENV"] = "production"
Dir.chdir(app_dir)
require "rack"
require "rack/handler/webrick"
app, = Rack::Builder.parse_file("config.ru")
context = ActiveRecord::Base.connection.migration_context
if context.needs_migration?
  context.migrate
  load "db/seeds.rb"
end
# WEBrick serves from its own threads: give the migrations' connection back to the pool.
ActiveRecord::Base.connection_pool.release_connection
server_options = { Host: "127.0.0.1", Port: Integer(port), AccessLog: [], Logger: WEBrick::Log.new(File::NULL) }
Rack::Handler::WEBrick.run(app, **server_options) do |server|
  # WEBrick writes the head and the body separately: without TCP_NODELAY (inherited by accepted sockets),
  # Nagle and delayed ACKs add ~40 ms to every keep-alive response, which is not Rails' time.
  server.listeners.each { |socket| socket.setsockopt(Socket::IPPROTO_TCP, Socket::TCP_NODELAY, 1) }
  puts "booted #{((Process.clock_gettime(Process::CLOCK_MONOTONIC) - started) * 1000).round}"
  $stdout.flush
end
