package id.pemilu.candidates.publication;

import id.pemilu.candidates.dapil.DapilCatalog;
import id.pemilu.candidates.dapil.DapilView;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Anonymous (citizen) reads: the dapil and their published DCS and DCT. */
@RestController
@RequestMapping("/api/candidates/public/dapil")
class PublicListsController {

    private final DapilCatalog catalog;
    private final PublicationService publication;

    PublicListsController(DapilCatalog catalog, PublicationService publication) {
        this.catalog = catalog;
        this.publication = publication;
    }

    @GetMapping
    List<DapilView> dapil() {
        return catalog.all().stream().map(DapilView::of).toList();
    }

    @GetMapping("/{dapilCode}/dcs")
    PublicBallot dcs(@PathVariable String dapilCode) {
        return publication.publicDcs(dapilCode);
    }

    @GetMapping("/{dapilCode}/dct")
    PublicBallot dct(@PathVariable String dapilCode, @RequestParam(required = false) Integer version) {
        return publication.publicDct(dapilCode, version);
    }
}
