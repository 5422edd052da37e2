# frozen_string_literal: true

# to_d on the core numeric types and strings, for the BigDecimal stand-in (bigdecimal.rb).
require "bigdecimal"

class Integer
  def to_d = BigDecimal(self)
end

class Float
  def to_d(precision = 0) = BigDecimal(self, precision)
end

class String
  def to_d = BigDecimal.interpret_loosely(self)
end

class Rational
  def to_d(precision) = BigDecimal(self, precision)
end

class NilClass
  def to_d = BigDecimal(0)
end

class BigDecimal
  def to_d = self
  def to_digits = to_s("F")
end
