# frozen_string_literal: true

# A stand-in for the rails-html-sanitizer gem, whose Loofah needs nokogiri, a C extension that
# ruby+stdlib.wasm cannot load. It has the same classes and options (tags:, attributes:), working on a
# small tokenizer instead of a DOM: tags are kept or dropped one by one, text and attribute values are
# re-escaped, comments, <script> and <style> (with their content) always go, and href/src keep only
# http, https, mailto, tel and relative URLs. Custom Loofah scrubbers (scrubber:) are not supported.
require "cgi"
require "set"

module Rails
  module Html
    class Sanitizer
      VERSION = "1.4.4-rubyport"
      TOKEN = %r{<!--.*?(?:-->|\z)|<!\[CDATA\[.*?(?:\]\]>|\z)|<![^>]*>?|<\?[^>]*>?|</?[a-zA-Z][^>]*>?|[^<]+|<}m
      TAG = %r{\A<(/?)([a-zA-Z][a-zA-Z0-9:-]*)(.*?)(/?)>?\z}m
      ATTRIBUTE = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"?|'([^']*)'?|([^\s>]+)))?/m
      DROPPED_WITH_CONTENT = %w[script style].freeze
      SAFE_PROTOCOL = /\A\s*(?:https?|mailto|tel):|\A\s*[^\s:]*(?:[\/?#]|\z)/i

      class << self
        def full_sanitizer = FullSanitizer
        def link_sanitizer = LinkSanitizer
        def safe_list_sanitizer = SafeListSanitizer
        def white_list_sanitizer = SafeListSanitizer
      end

      def sanitize(html, options = {})
        return html if html.nil? || html.empty?
        out = +""
        skipping = nil
        html.to_s.scan(TOKEN) do |token|
          match = TAG.match(token) if token.start_with?("<") && token.length > 1
          if skipping
            skipping = nil if match && match[1] == "/" && match[2].downcase == skipping
          elsif match
            name = match[2].downcase
            if DROPPED_WITH_CONTENT.include?(name) && match[1].empty?
              skipping = name unless match[4] == "/"
            else
              out << tag(name, match[1] == "/", match[3], options).to_s
            end
          elsif !token.start_with?("<!", "<?") || token == "<"
            out << text(token, options)
          end
        end
        out
      end

      private

      def text(token, options) = escape(CGI.unescapeHTML(token), options)
      def escape(text, _options) = CGI.escapeHTML(text)
      def tag(_name, _closing, _attributes, _options) = nil
    end

    # Removes every tag, keeping the text.
    class FullSanitizer < Sanitizer
      private

      def escape(text, options) = options.fetch(:encode_special_chars, true) ? CGI.escapeHTML(text) : text
    end

    # Removes <a> tags (keeping their text); everything else stays as it was.
    class LinkSanitizer < Sanitizer
      def sanitize(html, _options = {})
        return html if html.nil? || html.empty?
        html.to_s.gsub(%r{</?a(?:\s[^>]*)?>}i, "")
      end
    end

    # Keeps the allowed tags with their allowed attributes; drops the rest, keeping their text.
    class SafeListSanitizer < Sanitizer
      class << self
        attr_accessor :allowed_tags, :allowed_attributes
      end
      self.allowed_tags = Set.new(%w[strong em b i p code pre tt samp kbd var sub sup dfn cite big small
                                     address hr br div span h1 h2 h3 h4 h5 h6 ul ol li dl dt dd abbr acronym
                                     a img blockquote del ins])
      self.allowed_attributes = Set.new(%w[href src width height alt cite datetime title class name xml:lang abbr])

      def allowed_tags(options) = options[:tags] || self.class.allowed_tags
      def allowed_attributes(options) = options[:attributes] || self.class.allowed_attributes

      # Only declarations of the form property: value with plain values stay.
      def sanitize_css(style)
        style.to_s.split(";").filter_map do |declaration|
          property, value = declaration.split(":", 2).map { |part| part&.strip }
          next unless property&.match?(/\A[a-z-]+\z/i) && value&.match?(/\A[#\w\s.,%()-]+\z/) && !value.match?(/url|expression/i)
          "#{property.downcase}: #{value}"
        end.join("; ").then { |css| css.empty? ? css : "#{css};" }
      end

      private

      def tag(name, closing, attributes, options)
        return nil unless allowed_tags(options).include?(name)
        return "</#{name}>" if closing
        kept = attributes.scan(ATTRIBUTE).filter_map do |attribute, double, single, bare|
          attribute = attribute.downcase
          value = CGI.unescapeHTML(double || single || bare || "")
          next unless allowed_attributes(options).include?(attribute)
          next if %w[href src cite].include?(attribute) && !value.match?(SAFE_PROTOCOL)
          value = sanitize_css(value) if attribute == "style"
          %( #{attribute}="#{CGI.escapeHTML(value)}")
        end
        "<#{name}#{kept.join}>"
      end
    end

    WhiteListSanitizer = SafeListSanitizer
  end
end
