// /sw.js: starts the service worker that TeaVM compiled from org.rubyport.offline.ServiceWorkerMain, with
// the JS glue it uses to host packed Rack apps.
import { main } from "../../../target/javascript/sw-runtime.js";
import { createAppsGlue } from "./apps/sw-glue.js";

self.rubyportApps = createAppsGlue();
main([]);
