class Project < ApplicationRecord
  has_many :tasks, -> { order(:created_at) }, dependent: :destroy

  validates :name, presence: true, length: { maximum: 80 }, uniqueness: { case_sensitive: false }
  validates :description, length: { maximum: 2000 }

  # Hours still to do: the estimates of the open saved tasks (decimal column, so BigDecimal arithmetic);
  # a task the form failed to save is in the association but not counted.
  def remaining_hours
    tasks.select(&:persisted?).reject(&:done).sum(BigDecimal("0")) { |task| task.estimate || 0 }
  end
end
