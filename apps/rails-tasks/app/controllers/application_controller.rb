class ApplicationController < ActionController::Base
  helper_method :current_user

  private

  # The name the visitor signed in with (kept in the session cookie), or nil.
  def current_user
    session[:user_name]
  end
end
