# A small Sinatra app showing what the service worker bridge supports: a form with a redirect after
# POST, a session-based login, a file upload, a JSON endpoint, a streamed body and a static stylesheet.
require "sinatra/base"
require "json"
require "digest"

class NotesApp < Sinatra::Base
  NOTES_FILE = File.expand_path("tmp/notes.json", __dir__)

  set :root, __dir__
  set :sessions, true
  # The app runs only inside the visitor's own browser, so a fixed secret protects nothing real.
  set :session_secret, "rubyport-sinatra-demo-" + "0" * 64
  set :show_exceptions, false
  # Exceptions reach the service worker, which shows them with their backtrace (a development setting).
  set :raise_errors, true

  helpers do
    def notes
      File.exist?(NOTES_FILE) ? JSON.parse(File.read(NOTES_FILE)) : []
    end

    def save_notes(list)
      Dir.mkdir(File.dirname(NOTES_FILE)) unless Dir.exist?(File.dirname(NOTES_FILE))
      File.write(NOTES_FILE, JSON.generate(list))
    end

    def user
      session[:user]
    end

    def h(text)
      Rack::Utils.escape_html(text.to_s)
    end
  end

  get "/" do
    erb :index
  end

  post "/notes" do
    text = params["text"].to_s.strip
    if text.empty?
      session[:flash] = "A note needs some text."
    else
      save_notes(notes + [{ "text" => text, "by" => user || "anonymous" }])
      session[:flash] = "Note added."
    end
    redirect to("/"), 303
  end

  post "/login" do
    name = params["name"].to_s.strip
    session[:user] = name unless name.empty?
    redirect to("/"), 303
  end

  post "/logout" do
    session.delete(:user)
    redirect to("/"), 303
  end

  get "/upload" do
    erb :upload
  end

  post "/upload" do
    file = params["file"]
    halt 400, "Choose a file to upload." unless file.is_a?(Hash) && file[:tempfile]
    data = file[:tempfile].read
    # Rack 2 hands the name over as binary; browsers send it in UTF-8.
    name = file[:filename].to_s.dup.force_encoding(Encoding::UTF_8).scrub
    @upload = { name: name, type: file[:type], size: data.bytesize, sha256: Digest::SHA256.hexdigest(data) }
    erb :uploaded
  end

  get "/api/notes.json" do
    content_type :json
    JSON.generate(notes: notes, user: user)
  end

  # A tiny computed answer, so that load tests can check each reply belongs to its request.
  get "/api/square/:n" do
    content_type :json
    n = Integer(params[:n])
    JSON.generate(n: n, square: n * n)
  end

  get "/count" do
    stream do |out|
      (1..5).each { |i| out << "#{i}\n" }
    end
  end

  get "/boom" do
    raise ArgumentError, "the demo's deliberate failure"
  end
end
