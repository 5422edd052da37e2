# The first boot's sample data.
project = Project.create!(name: "Try Rubyport", description: "Rails running in your browser, offline.")
project.tasks.create!(title: "Add a task", estimate: 0.5, created_by: "Rubyport")
project.tasks.create!(title: "Reload the page: the data stays", estimate: 0.25, created_by: "Rubyport")
