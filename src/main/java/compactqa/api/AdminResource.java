package compactqa.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import compactqa.corpus.CorpusLoader;
import compactqa.index.BuildListener;
import compactqa.index.BuildStats;
import compactqa.index.IndexConfig;
import compactqa.index.IndexInfo;
import compactqa.index.IndexService;
import compactqa.model.ModelArtifact;
import compactqa.model.Task;
import compactqa.qa.QaModels;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * Operations that change what the service serves, behind the API key ({@link AdminKeyFilter}):
 * build a new index generation or add to the live one, from corpus files inside
 * {@link AdminConfig#corpusRoots()}; switch the models to folders inside
 * {@link AdminConfig#modelRoots()}. Searches and questions keep being answered meanwhile: the index
 * switches once the new generation is committed, the models once both are loaded.
 */
@jakarta.ws.rs.Path("/admin")
@SecurityScheme(securitySchemeName = "adminKey", type = SecuritySchemeType.APIKEY, apiKeyName = AdminKeyFilter.HEADER,
        in = SecuritySchemeIn.HEADER, description = "The key configured as compactqa.admin.api-key.")
@SecurityRequirement(name = "adminKey")
@APIResponse(responseCode = "400", description = "A field missing or a path outside the allowed folders; the problem names it.",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "The X-API-Key header is missing or wrong.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "No admin key is configured: the admin API is off.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminResource {

    static final int MAX_PATHS = 100;

    @Inject
    AdminConfig config;

    @Inject
    IndexService index;

    @Inject
    IndexConfig indexConfig;

    @Inject
    CorpusLoader corpus;

    @Inject
    QaModels models;

    /** The corpus files or folders to index; none means the default corpus. */
    public record IndexBody(List<String> paths) {
    }

    /** The model folders to serve; an absent one keeps the model being served. */
    public record ModelsBody(String reader, String compressor) {
    }

    /** What the service serves. */
    public record Status(IndexInfo index, String reader, String compressor) {
    }

    @GET
    @jakarta.ws.rs.Path("/status")
    public Status status() {
        QaModels.Pair pair = models.loaded();
        return new Status(index.isReady() ? index.info() : null, pair == null ? null : pair.readerDir().toString(),
                pair == null ? null : pair.compressorDir().toString());
    }

    @POST
    @jakarta.ws.rs.Path("/index/build")
    public BuildStats build(IndexBody body) throws IOException {
        List<Path> paths = paths(body);
        return index.build(corpus.plan(paths.isEmpty() ? List.of(defaultCorpus()) : paths), new LongAdder(), BuildListener.NONE);
    }

    @POST
    @jakarta.ws.rs.Path("/index/add")
    public BuildStats add(IndexBody body) throws IOException {
        List<Path> paths = paths(body);
        if (paths.isEmpty()) {
            throw new InvalidInputException("paths", "name the corpus files or folders to add");
        }
        return index.add(corpus.plan(paths), new LongAdder(), BuildListener.NONE);
    }

    @POST
    @jakarta.ws.rs.Path("/models")
    public Status switchModels(ModelsBody body) {
        if (body == null || body.reader() == null && body.compressor() == null) {
            throw new InvalidInputException("reader", "name a reader or a compressor folder to switch to");
        }
        Path reader = body.reader() != null ? modelFolder("reader", body.reader(), Task.READER) : null;
        Path compressor = body.compressor() != null ? modelFolder("compressor", body.compressor(), Task.COMPRESSOR) : null;
        if (reader == null || compressor == null) {
            models.load(); // the one not named stays as served
            QaModels.Pair now = models.loaded();
            reader = reader != null ? reader : now.readerDir();
            compressor = compressor != null ? compressor : now.compressorDir();
        }
        models.reload(reader, compressor);
        return status();
    }

    /**
     * The folder {@code given} names inside the model roots, checked to hold a model of {@code task}
     * before anything is loaded: a bad folder is the caller's mistake (400), and the served models stay.
     */
    private Path modelFolder(String field, String given, Task task) {
        Path dir = ConfinedPaths.resolve(field, given, config.modelRoots());
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException(field, given + " is not a folder under the model roots");
        }
        ModelArtifact artifact;
        try {
            artifact = ModelArtifact.load(dir);
        } catch (IOException | RuntimeException e) {
            // the reason without the server's paths: a missing model.json or weights, a checksum that does not match
            throw new InvalidInputException(field, given + " holds no model the service can load (it needs model.json "
                    + "and weights.safetensors whose checksum matches)");
        }
        if (artifact.manifest().task() != task) {
            throw new InvalidInputException(field, given + " holds a " + artifact.manifest().task() + ", not a " + task);
        }
        return dir;
    }

    private List<Path> paths(IndexBody body) {
        List<Path> paths = new ArrayList<>();
        if (body == null || body.paths() == null) {
            return paths;
        }
        if (body.paths().size() > MAX_PATHS) {
            throw new InvalidInputException("paths", "at most " + MAX_PATHS + " paths per call");
        }
        for (String p : body.paths()) {
            paths.add(ConfinedPaths.resolve("paths", p, config.corpusRoots()));
        }
        return paths;
    }

    private Path defaultCorpus() {
        return indexConfig.defaultCorpus().stream().filter(java.nio.file.Files::exists).findFirst()
                .orElseThrow(() -> new InvalidInputException("paths", "none of the default corpora exists; name the paths"));
    }
}
