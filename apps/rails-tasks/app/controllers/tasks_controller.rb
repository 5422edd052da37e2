class TasksController < ApplicationController
  before_action :set_project
  before_action :set_task, only: %i[edit update destroy]

  def create
    @task = @project.tasks.build(task_params.merge(created_by: current_user || "anonymous"))
    if @task.save
      redirect_to @project, notice: "Task “#{@task.title}” was added."
    else
      render "projects/show", status: :unprocessable_entity
    end
  end

  def edit; end

  def update
    if @task.update(task_params)
      redirect_to @project, notice: "Task “#{@task.title}” was updated."
    else
      render :edit, status: :unprocessable_entity
    end
  end

  def destroy
    @task.destroy
    redirect_to @project, notice: "Task “#{@task.title}” was deleted."
  end

  private

  def set_project
    @project = Project.find(params[:project_id])
  end

  def set_task
    @task = @project.tasks.find(params[:id])
  end

  def task_params
    params.require(:task).permit(:title, :done, :estimate)
  end
end
