class Task < ApplicationRecord
  belongs_to :project

  validates :title, presence: true, length: { maximum: 120 }
  validates :estimate, numericality: { greater_than_or_equal_to: 0, less_than: 1000 }, allow_nil: true
end
