# A small Rails task tracker, run by the service worker from Ruby in the browser.
require_relative "config/environment"

run Rails.application
