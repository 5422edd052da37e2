class SessionsController < ApplicationController
  def new; end

  def create
    name = params[:name].to_s.strip
    if name.empty?
      flash.now[:alert] = "Please enter a name."
      render :new, status: :unprocessable_entity
    else
      session[:user_name] = name
      redirect_to root_url, notice: "Signed in as #{name}."
    end
  end

  def destroy
    reset_session
    redirect_to root_url, notice: "Signed out."
  end
end
