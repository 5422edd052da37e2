Rails.application.routes.draw do
  root "projects#index"
  resources :projects do
    resources :tasks, only: %i[create edit update destroy]
  end
  resource :session, only: %i[new create destroy]
end
