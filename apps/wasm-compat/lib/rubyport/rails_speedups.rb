# frozen_string_literal: true

# Rails' hottest non-local exits, rewritten without them. This ruby.wasm implements setjmp/longjmp with
# Asyncify, so leaving a block given to a C iterator early (return or break out of Array#each) costs
# about a millisecond, and ~23 KB that is never freed: Rails does it on every URL helper and template
# lookup. Each rewrite is the same loop with an index instead of each; behaviour is unchanged.
module Rubyport
  module RailsSpeedups
    # ActionDispatch::Journey::Format#evaluate (every URL helper): returns "" on a missing parameter.
    module JourneyFormat
      def evaluate(hash)
        parts = @parts.dup
        parameters = @parameters
        i = 0
        while i < parameters.length
          index = parameters[i]
          param = parts[index]
          value = hash[param.name]
          return "" if value.nil?
          parts[index] = param.escape(value)
          i += 1
        end
        children = @children
        i = 0
        while i < children.length
          parts[children[i]] = parts[children[i]].evaluate(hash)
          i += 1
        end
        parts.join
      end
    end

    # ActionView::PathSet#_find_all (every template and partial lookup): the first resolver's match.
    module PathSetFindAll
      private

      def _find_all(path, prefixes, args)
        prefixes = [prefixes] if String === prefixes
        resolvers = paths
        i = 0
        while i < prefixes.length
          j = 0
          while j < resolvers.length
            templates = resolvers[j].find_all(path, prefixes[i], *args)
            return templates unless templates.empty?
            j += 1
          end
          i += 1
        end
        []
      end
    end
  end
end

ActionDispatch::Journey::Format.prepend(Rubyport::RailsSpeedups::JourneyFormat) if defined?(ActionDispatch::Journey::Format)
ActionView::PathSet.prepend(Rubyport::RailsSpeedups::PathSetFindAll) if defined?(ActionView::PathSet)
