# frozen_string_literal: true

# A stand-in for the socket extension, which ruby+stdlib.wasm does not contain: WASI preview1 has no
# sockets. The constants and classes exist, so that ipaddr, net/protocol and Rails load; anything that would
# open a connection raises SocketError saying so.
class SocketError < StandardError; end

class BasicSocket < IO
  def self.new(*) = raise(SocketError, "sockets are not available in Ruby on WebAssembly (WASI preview1)")
  def self.open(*) = new
  def self.do_not_reverse_lookup = true
  def self.do_not_reverse_lookup=(_value); end
end

class IPSocket < BasicSocket
  def self.getaddress(host) = host.to_s.match?(/\A[\d.]+\z|:/) ? host.to_s : raise(SocketError, "getaddrinfo: no DNS in WebAssembly")
end

class TCPSocket < IPSocket
  def self.gethostbyname(host) = raise(SocketError, "getaddrinfo: no DNS in WebAssembly (#{host})")
end
class TCPServer < TCPSocket; end
class UDPSocket < IPSocket; end
class UNIXSocket < BasicSocket; end
class UNIXServer < UNIXSocket; end

class Socket < BasicSocket
  AF_UNSPEC = PF_UNSPEC = 0
  AF_UNIX = PF_UNIX = AF_LOCAL = PF_LOCAL = 1
  AF_INET = PF_INET = 2
  AF_INET6 = PF_INET6 = 10
  SOCK_STREAM = 1
  SOCK_DGRAM = 2
  SOCK_RAW = 3
  IPPROTO_IP = 0
  IPPROTO_TCP = 6
  IPPROTO_UDP = 17
  IPPROTO_IPV6 = 41
  SOL_SOCKET = 1
  SO_REUSEADDR = 2
  SO_KEEPALIVE = 9
  TCP_NODELAY = 1
  AI_PASSIVE = 1
  NI_NUMERICHOST = 1
  EAI_NONAME = -2
  INADDR_ANY = 0

  module Constants
    Socket.constants.each { |name| const_set(name, Socket.const_get(name)) }
  end

  def self.gethostname = "localhost"
  def self.ip_address_list = []
  def self.getaddrinfo(host, *) = raise(SocketError, "getaddrinfo: no DNS in WebAssembly (#{host})")
  def self.tcp(*) = new
end

class Addrinfo
  def self.tcp(*) = raise(SocketError, "sockets are not available in Ruby on WebAssembly (WASI preview1)")
  def self.getaddrinfo(*) = []
end
