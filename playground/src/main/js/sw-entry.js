// /sw.js: starts the service worker that TeaVM compiled from org.rubyport.offline.ServiceWorkerMain.
import { main } from "../../../target/javascript/sw-runtime.js";

main([]);
