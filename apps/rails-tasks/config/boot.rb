# Gems come from the load path the bundle sets up (Debian's Rails sources), not from Bundler.
ENV["RAILS_ENV"] ||= "production"
