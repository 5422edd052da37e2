# A plain Rack app that shows the request it received: as an HTML table, as JSON (?format=json), or the
# raw body bytes back (?format=raw).
require "json"
require "cgi"

class EnvEcho
  SHOWN = /\A([A-Z][A-Z0-9_]*|rack\.url_scheme)\z/

  def call(env)
    body = env["rack.input"].read
    # Two values of one header, the Rack 2 way: joined by a newline.
    # Header values past ASCII: Latin-1 characters get through, wider ones cannot (and are dropped).
    headers = { "x-echo-multi" => "one\ntwo", "x-echo-text" => "grüße", "x-echo-wide" => "日本" }
    case env["QUERY_STRING"][/(?:\A|&)format=(\w+)/, 1]
    when "raw"
      [200, headers.merge("content-type" => "application/octet-stream"), [body]]
    when "json"
      shown = env.select { |key, _| key.match?(SHOWN) }.merge("body" => body.dup.force_encoding(Encoding::UTF_8).scrub)
      [200, headers.merge("content-type" => "application/json"), [JSON.generate(shown)]]
    else
      [200, headers.merge("content-type" => "text/html; charset=utf-8"), [page(env)]]
    end
  end

  private

  def page(env)
    rows = env.select { |key, _| key.match?(SHOWN) }.sort.map do |key, value|
      "<tr><th>#{CGI.escapeHTML(key)}</th><td>#{CGI.escapeHTML(value.to_s)}</td></tr>"
    end
    <<~HTML
      <!doctype html>
      <html><head><meta charset="utf-8"><title>Rack echo</title></head>
      <body><h1>Rack echo</h1><table>#{rows.join("\n")}</table></body></html>
    HTML
  end
end

run EnvEcho.new
