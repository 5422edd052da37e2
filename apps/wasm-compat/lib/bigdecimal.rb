# frozen_string_literal: true

# A stand-in for the bigdecimal extension, which ruby+stdlib.wasm does not contain. The value is an exact
# Rational (or NaN / ±Infinity), so sums, products and rounding are exact; a quotient that is not a finite
# decimal stays exact too, and prints with DIVISION_DIGITS significant digits. It covers what ActiveSupport,
# ActiveModel's decimal type and ActiveRecord's decimal columns use; BigMath and the mode flags for
# exceptions are not implemented.
class BigDecimal < Numeric
  ROUND_MODE = 256
  ROUND_UP = 1
  ROUND_DOWN = 2
  ROUND_HALF_UP = 3
  ROUND_HALF_DOWN = 4
  ROUND_CEILING = 5
  ROUND_FLOOR = 6
  ROUND_HALF_EVEN = 7
  SIGN_NaN = 0
  SIGN_POSITIVE_ZERO = 1
  SIGN_NEGATIVE_ZERO = -1
  SIGN_POSITIVE_FINITE = 2
  SIGN_NEGATIVE_FINITE = -2
  SIGN_POSITIVE_INFINITE = 3
  SIGN_NEGATIVE_INFINITE = -3
  EXCEPTION_ALL = 255
  BASE = 1_000_000_000
  VERSION = "3.1.1-rubyport"
  # Significant digits printed for a value that is not a finite decimal (1/3, say).
  DIVISION_DIGITS = 20

  MODE_NAMES = {
    up: ROUND_UP, down: ROUND_DOWN, truncate: ROUND_DOWN, half_up: ROUND_HALF_UP, default: ROUND_HALF_UP,
    half_down: ROUND_HALF_DOWN, half_even: ROUND_HALF_EVEN, banker: ROUND_HALF_EVEN, ceiling: ROUND_CEILING,
    ceil: ROUND_CEILING, floor: ROUND_FLOOR
  }.freeze
  NUMBER = /\A\s*([+-]?)(\d[\d_]*)?(?:\.(\d[\d_]*)?)?(?:[eEdD]([+-]?\d+))?\s*\z/

  @rounding_mode = ROUND_HALF_UP
  @limit = 0

  class << self
    # The rounding mode, or (given ROUND_MODE and a mode) sets it; other flags are accepted and ignored.
    def mode(which, value = nil)
      return (which == ROUND_MODE ? @rounding_mode : 0) if value.nil?
      @rounding_mode = rounding_mode_of(value) if which == ROUND_MODE
      value
    end

    def save_rounding_mode
      saved = @rounding_mode
      yield
    ensure
      @rounding_mode = saved
    end
    alias_method :save_exception_mode, :save_rounding_mode
    alias_method :save_limit, :save_rounding_mode

    def limit(digits = nil)
      old = @limit
      @limit = digits if digits
      old
    end

    def double_fig = 16

    def _load(text) = BigDecimal(text.sub(/\A\d+:/, ""))

    def interpret_loosely(text) = BigDecimal(text[/\A\s*[+-]?\d[\d_]*(\.\d+)?([eE][+-]?\d+)?/] || "0")

    # The mode number of a name (:half_even...) or a number.
    def rounding_mode_of(mode)
      return @rounding_mode if mode.nil?
      return mode if mode.is_a?(Integer) && mode.between?(ROUND_UP, ROUND_HALF_EVEN)
      MODE_NAMES.fetch(mode.to_s.downcase.to_sym) { raise ArgumentError, "invalid rounding mode" }
    end

    # Parses a decimal string; nil when it is not one.
    def parse(text)
      text = text.strip
      case text
      when /\A\+?Infinity\z/ then return new_special(:infinity, 1)
      when "-Infinity" then return new_special(:infinity, -1)
      when "NaN" then return new_special(:nan, 0)
      end
      match = NUMBER.match(text)
      return nil unless match && (match[2] || match[3])
      integer = match[2].to_s.delete("_")
      fraction = match[3].to_s.delete("_")
      value = Rational(Integer("#{integer}#{fraction}".sub(/\A0+(?=\d)/, "").then { |s| s.empty? ? "0" : s }, 10),
                       10**fraction.length)
      value *= Rational(10)**Integer(match[4], 10) if match[4]
      from_rational(match[1] == "-" ? -value : value, negative_zero: match[1] == "-" && value.zero?)
    end

    def from_rational(value, negative_zero: false)
      allocate.tap { |d| d.send(:setup, value.to_r, nil, negative_zero ? -1 : 1) }
    end

    def new_special(kind, sign)
      allocate.tap { |d| d.send(:setup, nil, kind, sign) }
    end
  end

  def nan? = @special == :nan
  def infinite? = @special == :infinity ? @sign : nil
  def finite? = @special.nil?
  def zero? = finite? && @value.zero?
  def nonzero? = zero? ? nil : self
  def negative? = finite? ? (@value.negative? || (@value.zero? && @sign.negative?)) : @sign.negative?
  def positive? = finite? ? @value.positive? : @special == :infinity && @sign.positive?

  # One of the SIGN_ constants.
  def sign
    return SIGN_NaN if nan?
    return @sign * SIGN_POSITIVE_INFINITE if infinite?
    return (@sign.negative? ? SIGN_NEGATIVE_ZERO : SIGN_POSITIVE_ZERO) if @value.zero?
    @value.positive? ? SIGN_POSITIVE_FINITE : SIGN_NEGATIVE_FINITE
  end

  def to_r
    raise FloatDomainError, to_s unless finite?
    @value
  end

  def to_f
    return Float::NAN if nan?
    return @sign * Float::INFINITY if infinite?
    return -0.0 if zero? && @sign.negative?
    @value.to_f
  end

  def to_i
    raise FloatDomainError, to_s unless finite?
    @value.truncate
  end
  alias_method :to_int, :to_i
  alias_method :truncate_to_i, :to_i

  def to_d = self
  def to_digits = to_s("F")
  def hash = finite? ? @value.hash : [@special, @sign].hash
  def coerce(other) = [BigDecimal.coerce_operand(other), self]

  def ==(other)
    return false if nan?
    other = BigDecimal.coerce_operand(other, strict: false)
    return false unless other && !other.nan?
    finite? && other.finite? ? @value == other.to_r : (infinite? == other.infinite?)
  end
  alias_method :===, :==
  alias_method :eql?, :==

  def <=>(other)
    other = BigDecimal.coerce_operand(other, strict: false)
    return nil if other.nil? || nan? || other.nan?
    return @value <=> other.to_r if finite? && other.finite?
    (infinite? || 0) <=> (other.infinite? || 0)
  end

  def <(other) = compare(other) { |c| c.negative? }
  def <=(other) = compare(other) { |c| c <= 0 }
  def >(other) = compare(other) { |c| c.positive? }
  def >=(other) = compare(other) { |c| c >= 0 }

  def +(other) = arithmetic(other, :+)
  def -(other) = arithmetic(other, :-)
  def *(other) = arithmetic(other, :*)
  alias_method :add, :+
  alias_method :sub, :-
  alias_method :mult, :*

  def /(other)
    other = BigDecimal.coerce_operand(other)
    return BigDecimal::NAN if nan? || other.nan? || (!finite? && !other.finite?)
    return BigDecimal.new_special(:infinity, sign_of * other.sign_of) unless finite?
    return BigDecimal.from_rational(0) unless other.finite?
    if other.zero?
      raise ZeroDivisionError, "divided by 0" if zero?
      return BigDecimal.new_special(:infinity, sign_of * other.sign_of)
    end
    BigDecimal.from_rational(@value / other.to_r)
  end
  alias_method :quo, :/

  def div(other, digits = nil)
    return (self / other).round(digits - exponent) if digits && digits.positive? && finite?
    quotient = self / other
    raise FloatDomainError, quotient.to_s unless quotient.finite?
    digits.nil? ? quotient.floor : quotient
  end

  def %(other)
    other = BigDecimal.coerce_operand(other)
    raise ZeroDivisionError, "divided by 0" if other.zero?
    BigDecimal.from_rational(to_r % other.to_r)
  end
  alias_method :modulo, :%

  def divmod(other) = [div(other), self % other]
  def remainder(other) = BigDecimal.from_rational(to_r.remainder(BigDecimal.coerce_operand(other).to_r))

  def **(other)
    raise ArgumentError, "only integer powers are supported" unless other.is_a?(Integer)
    BigDecimal.from_rational(to_r**other)
  end
  alias_method :power, :**

  def sqrt(_digits = 16) = BigDecimal(Math.sqrt(to_f), 16)

  def -@ = finite? ? BigDecimal.from_rational(-@value, negative_zero: zero? && !@sign.negative?) : BigDecimal.new_special(@special, -@sign)
  def +@ = self
  def abs = finite? ? BigDecimal.from_rational(@value.abs) : BigDecimal.new_special(@special, @sign.abs)

  # Rounded to digits places after the point (before it, when negative), in mode (a name or ROUND_*);
  # with no digits, an Integer.
  def round(digits = nil, mode = nil, half: nil)
    mode = half ? :"half_#{half}" : mode
    if digits.is_a?(Symbol) || digits.is_a?(String)
      mode = digits
      digits = nil
    end
    raise FloatDomainError, to_s if digits.nil? && !finite?
    return self unless finite?
    rounded = BigDecimal.round_rational(@value, digits || 0, BigDecimal.rounding_mode_of(mode))
    digits.nil? ? rounded.to_i : BigDecimal.from_rational(rounded)
  end

  def floor(digits = nil) = rounded_with(digits, ROUND_FLOOR)
  def ceil(digits = nil) = rounded_with(digits, ROUND_CEILING)
  def truncate(digits = nil) = rounded_with(digits, ROUND_DOWN)
  alias_method :fix_digits, :truncate

  def fix = BigDecimal.from_rational(to_r.truncate)
  def frac = BigDecimal.from_rational(to_r - to_r.truncate)

  # The power of ten of the first significant digit, as in 0.xxxEn.
  def exponent
    return 0 unless finite? && !zero?
    digits, point = BigDecimal.decimal_digits(@value.abs)
    point
  end

  # [significant digits, digits after the point], as in BigDecimal#precision_scale.
  def precision_scale
    return [0, 0] unless finite? && !zero?
    digits, point = BigDecimal.decimal_digits(@value.abs)
    scale = [digits.length - point, 0].max
    [[point, 0].max + scale, scale]
  end

  def precision = precision_scale[0]
  def scale = precision_scale[1]
  def n_significant_digits = finite? ? BigDecimal.decimal_digits(@value.abs)[0].sub(/0+\z/, "").length : 0
  def precs = [n_significant_digits, n_significant_digits + 9]

  # "0.1234e3" by default; "123.4" with format "F". A leading "+" or " " in format marks positive values.
  def to_s(format = "")
    format = format.to_s
    return "NaN" if nan?
    prefix = if negative? then "-"
             elsif format.start_with?("+") then "+"
             elsif format.start_with?(" ") then " "
             else ""
             end
    return "#{prefix}Infinity" if infinite?
    return "#{prefix}0.0" if zero? && format.match?(/F/i)
    return "#{prefix}0.0" if zero?
    digits, point = BigDecimal.decimal_digits(@value.abs)
    return "#{prefix}0.#{digits}e#{point}" unless format.match?(/F/i)
    if point <= 0
      "#{prefix}0.#{"0" * -point}#{digits}"
    elsif point >= digits.length
      "#{prefix}#{digits}#{"0" * (point - digits.length)}.0"
    else
      "#{prefix}#{digits[0, point]}.#{digits[point..]}"
    end
  end

  def inspect = to_s
  def _dump(_level = nil) = "18:#{self}"
  def clone = self
  def dup = self

  def as_json(*) = finite? ? to_s : nil

  class << self
    # other as a BigDecimal; nil (strict: false) or a TypeError for what is not a number.
    def coerce_operand(other, strict: true)
      case other
      when BigDecimal then other
      when Integer, Rational then from_rational(other.to_r)
      when Float
        return NAN if other.nan?
        return new_special(:infinity, other.positive? ? 1 : -1) if other.infinite?
        BigDecimal(other, 0)
      else
        raise TypeError, "#{other.class} can't be coerced into BigDecimal" if strict
        nil
      end
    end

    # value rounded to digits places after the point in mode (a ROUND_ number).
    def round_rational(value, digits, mode)
      scaled = value * Rational(10)**digits
      floor = scaled.floor
      fraction = scaled - floor
      up = case mode
           when ROUND_DOWN then scaled.negative? && !fraction.zero?
           when ROUND_UP then scaled.positive? && !fraction.zero?
           when ROUND_FLOOR then false
           when ROUND_CEILING then !fraction.zero?
           when ROUND_HALF_UP then fraction > Rational(1, 2) || (fraction == Rational(1, 2) && scaled.positive?)
           when ROUND_HALF_DOWN then fraction > Rational(1, 2) || (fraction == Rational(1, 2) && scaled.negative?)
           when ROUND_HALF_EVEN then fraction > Rational(1, 2) || (fraction == Rational(1, 2) && floor.odd?)
           end
      Rational(floor + (up ? 1 : 0)) / Rational(10)**digits
    end

    # [digits without leading or trailing zeros, exponent] of a positive value: value = 0.digits × 10^exponent.
    # A value that is not a finite decimal gives DIVISION_DIGITS significant digits.
    def decimal_digits(value)
      places = finite_decimal_places(value.denominator)
      if places
        digits = (value * 10**places).to_i.to_s
        point = digits.length - places
      else
        point = Math.log10(value.to_f).floor + 1 rescue value.numerator.to_s.length - value.denominator.to_s.length + 1
        digits = round_rational(value, DIVISION_DIGITS - point, ROUND_HALF_UP)
        return decimal_digits(digits) unless finite_decimal_places(digits.denominator).nil?
      end
      stripped = digits.sub(/\A0+/, "")
      point -= digits.length - stripped.length
      [stripped.sub(/0+\z/, ""), point]
    end

    # How many decimal places the fraction 1/denominator needs, or nil when it never ends.
    def finite_decimal_places(denominator)
      twos = fives = 0
      while (denominator % 2).zero?
        denominator /= 2
        twos += 1
      end
      while (denominator % 5).zero?
        denominator /= 5
        fives += 1
      end
      denominator == 1 ? [twos, fives].max : nil
    end
  end

  protected

  def sign_of = finite? ? (@value.negative? || (@value.zero? && @sign.negative?) ? -1 : 1) : @sign

  private

  def setup(value, special, sign)
    @value = value
    @special = special
    @sign = special == :nan ? 0 : sign
    freeze
  end

  def compare(other)
    result = self <=> other
    raise ArgumentError, "comparison of BigDecimal with #{other.inspect} failed" if result.nil? && !nan?
    result.nil? ? false : yield(result)
  end

  def arithmetic(other, operator)
    other = BigDecimal.coerce_operand(other)
    if finite? && other.finite?
      return BigDecimal.from_rational(@value.public_send(operator, other.to_r))
    end
    return BigDecimal::NAN if nan? || other.nan?
    float = to_f.public_send(operator, other.to_f)
    float.nan? ? BigDecimal::NAN : BigDecimal.new_special(:infinity, float.positive? ? 1 : -1)
  end

  def rounded_with(digits, mode)
    return to_i.then { BigDecimal.round_rational(to_r, 0, mode).to_i } if digits.nil?
    BigDecimal.from_rational(BigDecimal.round_rational(to_r, digits, mode))
  end
end

class BigDecimal
  INFINITY = new_special(:infinity, 1)
  NAN = new_special(:nan, 0)
end

module Kernel
  # BigDecimal(value, digits = 0, exception: true): digits is the number of significant digits kept
  # (required for Float and Rational, as in the extension).
  def BigDecimal(value, digits = nil, exception: true) # rubocop:disable Naming/MethodName
    result =
      case value
      when BigDecimal then value
      when Integer then BigDecimal.from_rational(value.to_r)
      when Float
        raise ArgumentError, "can't omit precision for a Float." if digits.nil? && exception
        BigDecimal.coerce_float(value, digits.to_i)
      when Rational
        raise ArgumentError, "can't omit precision for a Rational." if digits.nil?
        BigDecimal.significant(BigDecimal.from_rational(value), digits)
      when String
        BigDecimal.parse(value) || (exception ? raise(ArgumentError, "invalid value for BigDecimal(): #{value.inspect}") : nil)
      when nil
        raise TypeError, "can't convert nil into BigDecimal" if exception
        nil
      else
        if value.respond_to?(:to_str) then BigDecimal(value.to_str, digits, exception: exception)
        elsif exception then raise TypeError, "can't convert #{value.class} into BigDecimal"
        end
      end
    result && digits.to_i.positive? && !value.is_a?(Float) ? BigDecimal.significant(result, digits) : result
  end
  module_function :BigDecimal
  public :BigDecimal
end

class BigDecimal
  class << self
    # value kept to digits significant digits (all of them when digits is 0).
    def significant(value, digits)
      return value if digits.to_i <= 0 || !value.finite? || value.zero?
      value.round(digits - value.exponent, ROUND_HALF_UP)
    end

    # The shortest decimal that reads back as float, to digits significant digits when digits > 0.
    def coerce_float(float, digits)
      return NAN if float.nan?
      return new_special(:infinity, float.positive? ? 1 : -1) if float.infinite?
      significant(parse(float.to_s.sub(/\.0\z/, "")) || parse(format("%.17g", float)), digits)
    end
  end
end
