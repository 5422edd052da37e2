package org.rubyport.offline;

import org.rubyport.sw.rack.AppRegistry;
import org.rubyport.sw.rack.CookieStore;
import org.rubyport.sw.rack.RackApp;
import org.rubyport.sw.rack.RackReply;
import org.teavm.jso.core.JSString;
import org.teavm.jso.typedarrays.Int8Array;

/** The Rack bridge's view of the apps and cookie storage that the JS glue hosts. */
final class GlueApps implements AppRegistry, CookieStore {
    private final AppsGlue glue;

    GlueApps(AppsGlue glue) {
        this.glue = glue;
    }

    @Override public RackApp find(String name) {
        AppsGlue.Host host = glue.find(name).await();
        return WorkerScope.isMissing(host) ? null : new HostedApp(host);
    }

    @Override public String load(String app) {
        JSString stored = glue.loadCookies(app).await();
        return WorkerScope.isMissing(stored) ? null : stored.stringValue();
    }

    @Override public void save(String app, String serialisedJar) {
        glue.saveCookies(app, serialisedJar).await();
    }

    /** One app; calls wait for its VM to boot. */
    private final class HostedApp implements RackApp {
        private final AppsGlue.Host host;

        HostedApp(AppsGlue.Host host) {
            this.host = host;
        }

        @Override public byte[] publicFile(String path) {
            Int8Array bytes = glue.publicFile(host, path).await();
            return WorkerScope.isMissing(bytes) ? null : bytes.copyToJavaArray();
        }

        @Override public RackReply call(String envJson, byte[] body) {
            AppsGlue.Reply reply = glue.call(host, envJson, Int8Array.fromJavaArray(body)).await();
            return new RackReply(reply.getHead(), reply.getBody().copyToJavaArray());
        }
    }
}
