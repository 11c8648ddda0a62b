package id.pemilu.portal.web;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload above the portal's multipart limit that {@link UploadLimits} could not catch first (a body sent without
 * Content-Length). Not scoped to a package: the limit is hit while the request is parsed, before any controller is
 * chosen, and only an advice for every controller is asked then.
 */
@ControllerAdvice
class UploadTooLarge {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    @ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
    String tooLarge(Model model) {
        model.addAttribute("message", "Berkas terlalu besar, tidak ada yang dikirim. Foto C.Hasil: ambil lagi dengan "
                + "resolusi lebih kecil. Daftar anggota: pecah menjadi beberapa berkas, lalu unggah satu per satu.");
        model.addAttribute("back", "/staf");
        return "pesan";
    }
}
