# frozen_string_literal: true

# A stand-in for io/console/size (the io-console extension is not in ruby+stdlib.wasm): a fixed 80×25.
class IO
  def self.default_console_size = [25, 80]
  def self.console_size = default_console_size
end
