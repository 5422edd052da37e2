class Project < ApplicationRecord
  has_many :tasks, -> { order(:created_at) }, dependent: :destroy

  validates :name, presence: true, length: { maximum: 80 }, uniqueness: { case_sensitive: false }
  validates :description, length: { maximum: 2000 }

  # Hours still to do: the estimates of the open tasks (decimal column, so BigDecimal arithmetic).
  def remaining_hours
    tasks.reject(&:done).sum(BigDecimal("0")) { |task| task.estimate || 0 }
  end
end
