require_relative "boot"

require "rails"
require "active_record/railtie"
require "action_controller/railtie"
require "action_view/railtie"

module Tasks
  class Application < Rails::Application
    config.load_defaults 6.1
    config.root = File.expand_path("..", __dir__)
    config.eager_load = true
    config.cache_classes = true
    config.time_zone = "UTC"
    # The app runs inside its visitor's own browser: a fixed secret protects nothing real.
    config.secret_key_base = "rubyport-rails-tasks-#{"0" * 64}"
    config.hosts.clear
    config.logger = ActiveSupport::Logger.new($stdout)
    config.log_level = :warn
    config.active_support.deprecation = :silence
    # Rails' own error pages with the backtrace (a development setting: the only visitor is the app's
    # user), and 404s for unknown records and routes.
    config.consider_all_requests_local = true
    # The host serves public/ itself.
    config.public_file_server.enabled = false
    config.session_store :cookie_store, key: "_tasks_session"
  end
end
