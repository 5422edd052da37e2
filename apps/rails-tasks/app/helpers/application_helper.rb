module ApplicationHelper
  # "2.5 h", or an empty string without an estimate.
  def hours(value)
    value.nil? ? "" : "#{number_with_precision(value, precision: 2, strip_insignificant_zeros: true)} h"
  end
end
