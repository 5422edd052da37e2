class ProjectsController < ApplicationController
  before_action :set_project, only: %i[show edit update destroy]

  def index
    @projects = Project.includes(:tasks).order(:name)
    respond_to do |format|
      format.html
      format.json { render json: @projects.map { |project| project_json(project) } }
    end
  end

  def show
    # A task for the form, outside the association, so that the project's tasks (and its JSON) hold only saved ones.
    @task = Task.new(project_id: @project.id)
    respond_to do |format|
      format.html
      format.json { render json: project_json(@project) }
    end
  end

  def new
    @project = Project.new
  end

  def edit; end

  def create
    @project = Project.new(project_params)
    if @project.save
      redirect_to @project, notice: "Project “#{@project.name}” was created."
    else
      render :new, status: :unprocessable_entity
    end
  end

  def update
    if @project.update(project_params)
      redirect_to @project, notice: "Project “#{@project.name}” was updated."
    else
      render :edit, status: :unprocessable_entity
    end
  end

  def destroy
    @project.destroy
    redirect_to projects_url, notice: "Project “#{@project.name}” was deleted."
  end

  private

  def set_project
    @project = Project.find(params[:id])
  end

  def project_params
    params.require(:project).permit(:name, :description)
  end

  def project_json(project)
    project.as_json(only: %i[id name description created_at updated_at]).merge(
      "remaining_hours" => project.remaining_hours,
      "tasks" => project.tasks.select(&:persisted?).as_json(only: %i[id title done estimate created_by])
    )
  end
end
