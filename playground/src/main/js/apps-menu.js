// The "Apps" menu: the packed Rack apps the build installed (apps/index.json), each opened under
// /apps/<name>/ where the service worker serves it from Ruby in the browser.
const list = document.getElementById("apps-list");

function item(content) {
  const li = document.createElement("li");
  li.append(content);
  return li;
}

async function showApps() {
  try {
    const response = await fetch("/apps/index.json");
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const { apps } = await response.json();
    list.replaceChildren(...apps.map((app) => {
      const link = document.createElement("a");
      link.href = app.url;
      link.textContent = app.title;
      link.title = app.description || "";
      return item(link);
    }));
    if (!navigator.serviceWorker) {
      list.append(item("These apps need a service worker, which this browser does not offer here."));
    }
  } catch (error) {
    list.replaceChildren(item(`The list of apps could not be loaded (${error.message}); reload to try again.`));
  }
}

showApps();
