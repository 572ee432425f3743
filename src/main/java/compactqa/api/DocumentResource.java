package compactqa.api;

import java.util.List;

import compactqa.corpus.Document;
import compactqa.corpus.Sentence;
import compactqa.index.IndexInfo;
import compactqa.index.IndexService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Read-only views of the index: one paragraph with its sentences, and the index's description. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class DocumentResource {

    @Inject
    IndexService index;

    /** A paragraph with its sentences and their character offsets. */
    public record DocumentResponse(String id, String title, String text, List<Sentence> sentences, String source) {
        static DocumentResponse of(Document d) {
            return new DocumentResponse(d.id(), d.title(), d.text(), d.sentences(), d.source());
        }
    }

    @GET
    @Path("/documents/{id}")
    public DocumentResponse document(@PathParam("id") String id) {
        if (id.length() > 1000) {
            throw new InvalidInputException("id", "id is too long");
        }
        return index.document(id).map(DocumentResponse::of)
                .orElseThrow(() -> new ResourceNotFoundException("no document with id " + id));
    }

    @GET
    @Path("/index")
    public IndexInfo info() {
        return index.info();
    }
}
