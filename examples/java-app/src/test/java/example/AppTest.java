package example;

import com.sun.net.httpserver.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

public class AppTest {
    private static HttpResponse<String> call(HttpServer server, String method, String path, String body) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    public void healthzAndProbe() throws Exception {
        HttpServer server = App.start(0, "t");
        try {
            HttpResponse<String> res = call(server, "GET", "/healthz", null);
            Assert.equal(200, res.statusCode());
            Assert.equal("{\"status\":\"ok\",\"version\":\"t\"}", res.body());
            Assert.isTrue(App.probe(server.getAddress().getPort()), "probe should succeed");
        } finally {
            server.stop(0);
        }
    }

    @Test
    public void statsEndpoint() throws Exception {
        HttpServer server = App.start(0, "t");
        try {
            HttpResponse<String> res = call(server, "POST", "/api/stats?top=1", "to be or not to be");
            Assert.equal(200, res.statusCode());
            Assert.equal("{\"characters\":18,\"words\":6,\"lines\":1,\"distinctWords\":4,\"top\":[{\"word\":\"be\",\"count\":2}]}", res.body());
            Assert.equal(405, call(server, "GET", "/api/stats", null).statusCode());
            Assert.equal(400, call(server, "POST", "/api/stats?top=x", "a").statusCode());
        } finally {
            server.stop(0);
        }
    }

    @Test
    public void probeFailsWithoutServer() {
        Assert.isTrue(!App.probe(1), "probe of a closed port should fail");
    }
}
