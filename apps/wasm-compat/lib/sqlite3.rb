# frozen_string_literal: true

# The sqlite3 gem's role for ActiveRecord's own SQLite adapter, filled by @sqlite.org/sqlite-wasm in the
# JavaScript host (apps/sqlite-host.js, reached as globalThis.rubyportSqlite through the js gem). Databases
# live in the host's memory; the host saves each app's databases after every request that changed them.
# Queries and results cross as JSON, so integers past 2^53 and blobs survive the trip. What ActiveRecord 6.1
# does not use (user functions, backup, blob streaming, UTF-16) is not implemented. The js gem is loaded on
# the first call to the host, so that a VM which has loaded ActiveRecord but opened no database holds no
# JavaScript object and can be snapshotted.
require "json"
require "base64"

module SQLite3
  VERSION = "1.4.2"

  class Exception < ::StandardError
    attr_reader :code

    def initialize(message = nil, code = nil)
      super(message)
      @code = code
    end
  end

  class SQLException < Exception; end
  class InternalException < Exception; end
  class PermissionException < Exception; end
  class AbortException < Exception; end
  class BusyException < Exception; end
  class LockedException < Exception; end
  class MemoryException < Exception; end
  class ReadOnlyException < Exception; end
  class InterruptException < Exception; end
  class IOException < Exception; end
  class CorruptException < Exception; end
  class NotFoundException < Exception; end
  class FullException < Exception; end
  class CantOpenException < Exception; end
  class ProtocolException < Exception; end
  class EmptyException < Exception; end
  class SchemaChangedException < Exception; end
  class TooBigException < Exception; end
  class ConstraintException < Exception; end
  class MismatchException < Exception; end
  class MisuseException < Exception; end
  class UnsupportedException < Exception; end
  class AuthorizationException < Exception; end
  class FormatException < Exception; end
  class RangeException < Exception; end
  class NotADatabaseException < Exception; end

  # SQLite's primary result codes → the gem's exception classes.
  ERRORS = {
    1 => SQLException, 2 => InternalException, 3 => PermissionException, 4 => AbortException,
    5 => BusyException, 6 => LockedException, 7 => MemoryException, 8 => ReadOnlyException,
    9 => InterruptException, 10 => IOException, 11 => CorruptException, 12 => NotFoundException,
    13 => FullException, 14 => CantOpenException, 15 => ProtocolException, 16 => EmptyException,
    17 => SchemaChangedException, 18 => TooBigException, 19 => ConstraintException, 20 => MismatchException,
    21 => MisuseException, 22 => UnsupportedException, 23 => AuthorizationException, 24 => FormatException,
    25 => RangeException, 26 => NotADatabaseException
  }.freeze

  module Constants
    module Open
      READONLY = 0x00000001
      READWRITE = 0x00000002
      CREATE = 0x00000004
      URI = 0x00000040
      MEMORY = 0x00000080
      NOMUTEX = 0x00008000
      FULLMUTEX = 0x00010000
      SHAREDCACHE = 0x00020000
      PRIVATECACHE = 0x00040000
    end
  end

  # The JavaScript side, and the JSON both ways.
  module Host
    # JSON's safe integer range: larger integers cross as {"i": "digits"}.
    SAFE_INTEGER = 2**53 - 1
    # What a float JSON has no number for crosses as a string, in JavaScript's spelling (which Float() refuses).
    SPECIAL_FLOATS = { "Infinity" => Float::INFINITY, "-Infinity" => -Float::INFINITY, "NaN" => Float::NAN }.freeze

    class << self
      def js
        @js ||= begin
          require "js"
          JS.global[:rubyportSqlite]
        end
      end

      # Calls method on the host with string arguments; returns the parsed answer or raises its error.
      def call(method, *args)
        answer = JSON.parse(js.call(method, *args.map { |arg| arg.is_a?(Integer) ? arg : arg.to_s }).to_s)
        if answer.is_a?(Hash) && answer["error"]
          raise ERRORS.fetch(answer["code"].to_i & 0xff, SQLException).new(answer["error"], answer["code"])
        end
        answer
      end

      def encode(value)
        case value
        when nil, true, false then value
        when Integer then value.abs > SAFE_INTEGER ? { "i" => value.to_s } : value
        # A whole float would cross as a JSON integer (and be bound as one), a non-finite one not at all.
        when Float then value.finite? && value % 1 != 0 ? value : { "f" => value.to_s }
        when String
          binary = value.encoding == Encoding::BINARY && !value.ascii_only?
          binary ? { "b" => Base64.strict_encode64(value) } : value.encode(Encoding::UTF_8)
        when Symbol then value.to_s
        when Blob then { "b" => Base64.strict_encode64(value.to_s) }
        else
          raise ArgumentError, "can't bind #{value.class} to an SQLite parameter" unless value.respond_to?(:to_s)
          value.to_s
        end
      end

      def decode(value)
        return value unless value.is_a?(Hash)
        return Integer(value["i"]) if value.key?("i")
        return SPECIAL_FLOATS.fetch(value["f"]) { Float(value["f"]) } if value.key?("f")
        return Base64.strict_decode64(value["b"]).force_encoding(Encoding::BINARY) if value.key?("b")
        value
      end
    end
  end

  # A String marked to be bound as a BLOB.
  class Blob < String; end

  class Database
    attr_reader :results_as_hash, :filename

    # The quoted form of an SQL string literal's content.
    def self.quote(text) = text.gsub("'", "''")

    # A database at path (kept by the host per app); results_as_hash: rows as Hashes.
    def initialize(path, options = {})
      @filename = path.to_s
      @results_as_hash = options[:results_as_hash] || options["results_as_hash"]
      @handle = Host.call(:open, ENV.fetch("RUBYPORT_APP", "default"), @filename).fetch("handle")
      @closed = false
      @changes = 0
      @last_insert_row_id = 0
      @transaction_active = false
      return unless block_given?
      begin
        yield self
      ensure
        close
      end
    end

    def close
      return if @closed
      Host.call(:close, @handle)
      @closed = true
    end

    def closed? = @closed
    def encoding = Encoding::UTF_8
    def busy_timeout(_ms = nil) = self
    alias_method :busy_timeout=, :busy_timeout
    def busy_handler(*) = self
    def changes = @changes
    def last_insert_row_id = @last_insert_row_id
    def total_changes = get_first_value("SELECT total_changes()")
    def transaction_active? = !Host.call(:autocommit, @handle).fetch("autocommit")
    def readonly? = false
    def trace(*) = self

    def prepare(sql)
      statement = Statement.new(self, sql)
      return statement unless block_given?
      begin
        yield statement
      ensure
        statement.close
      end
    end

    # Rows of sql's first statement, bound to binds (positional, or one Hash of named ones).
    def execute(sql, *binds, &block)
      binds = binds.first if binds.length == 1 && binds.first.is_a?(Array)
      rows = prepare(sql) do |statement|
        statement.bind_params(*binds)
        rows = statement.to_a
        @results_as_hash ? rows.map { |row| statement.columns.zip(row).to_h } : rows
      end
      block ? rows.each(&block) : rows
    end

    def execute2(sql, *binds)
      statement = prepare(sql)
      statement.bind_params(*binds)
      [statement.columns, *statement.to_a].tap { statement.close }
    end

    # Runs every statement in sql (no results).
    def execute_batch(sql, *binds)
      raise ArgumentError, "execute_batch takes no binds here" unless binds.empty? || binds == [[]]
      record(Host.call(:batch, @handle, sql))
      nil
    end
    alias_method :execute_batch2, :execute_batch

    def get_first_row(sql, *binds) = execute(sql, *binds).first

    def get_first_value(sql, *binds)
      row = get_first_row(sql, *binds)
      row.is_a?(Hash) ? row.values.first : row&.first
    end

    def transaction(mode = :deferred)
      execute_batch("BEGIN #{mode.to_s.upcase} TRANSACTION")
      return true unless block_given?
      begin
        result = yield self
        commit
        result
      rescue ::Exception # rubocop:disable Lint/RescueException -- roll back on anything, then re-raise
        rollback
        raise
      end
    end

    def commit = execute_batch("COMMIT TRANSACTION").then { true }
    def rollback = execute_batch("ROLLBACK TRANSACTION").then { true }

    def read_uncommitted=(flag)
      execute_batch("PRAGMA read_uncommitted = #{flag ? 1 : 0}")
    end

    # Runs sql on the host with binds (an Array of positional values, or a Hash of named ones):
    # {columns, rows, changes, lastId}. Used by Statement.
    def run(sql, binds)
      raise MisuseException, "cannot use a closed database" if @closed
      encoded = binds.is_a?(Hash) ? binds.transform_values { |v| Host.encode(v) } : binds.map { |v| Host.encode(v) }
      record(Host.call(:query, @handle, sql, JSON.generate(encoded)))
    end

    def columns_of(sql) = Host.call(:columns, @handle, sql).fetch("columns")

    private

    def record(answer)
      @changes = answer.fetch("changes", @changes)
      @last_insert_row_id = Host.decode(answer.fetch("lastId", @last_insert_row_id))
      answer
    end
  end

  class Statement
    attr_reader :database, :sql

    def initialize(database, sql)
      @database = database
      @sql = sql
      @columns = database.columns_of(sql)
      @binds = []
      @closed = false
    end

    def columns = @columns
    def types = Array.new(@columns.length)
    def close = (@closed = true)
    def closed? = @closed
    def reset! = (@binds = [])
    def clear_bindings! = reset!
    def active? = false
    def done? = false

    # Positional values, or a Hash of named ones (:name, $name or @name in the SQL).
    def bind_params(*values)
      values = values.first if values.length == 1 && values.first.is_a?(Array)
      @binds = values.length == 1 && values.first.is_a?(Hash) ? [values.first.transform_keys(&:to_s)] : values
      self
    end

    def bind_param(key, value)
      if key.is_a?(Integer)
        @binds[key - 1] = value
      else
        @binds = [{}] unless @binds.first.is_a?(Hash)
        @binds.first[key.to_s] = value
      end
    end

    # Every row, as an Array (Database#execute makes Hashes of them when results_as_hash is set).
    def to_a
      raise MisuseException, "cannot use a closed statement" if @closed
      answer = @database.run(@sql, @binds.first.is_a?(Hash) ? @binds.first : @binds)
      @columns = answer.fetch("columns", @columns)
      answer.fetch("rows").map { |row| row.map { |value| Host.decode(value) } }
    end

    def execute(*binds)
      bind_params(*binds) unless binds.empty?
      to_a
    end

    def each(&block) = to_a.each(&block)
    include Enumerable
  end

  # SQLITE_VERSION and SQLITE_VERSION_NUMBER, asked of the host when first used.
  def self.const_missing(name)
    case name
    when :SQLITE_VERSION then const_set(name, Host.call(:version).fetch("version"))
    when :SQLITE_VERSION_NUMBER
      const_set(name, SQLITE_VERSION.split(".").map(&:to_i).then { |a, b, c| (a * 1_000_000) + (b * 1000) + c.to_i })
    else super
    end
  end

  def self.libversion = SQLITE_VERSION_NUMBER
  def self.threadsafe? = false
  def self.sqlcipher? = false
end
