class CreateTasks < ActiveRecord::Migration[6.1]
  def change
    create_table :tasks do |t|
      t.references :project, null: false, foreign_key: true
      t.string :title, null: false
      t.boolean :done, null: false, default: false
      t.decimal :estimate, precision: 6, scale: 2
      t.string :created_by
      t.timestamps
    end
  end
end
