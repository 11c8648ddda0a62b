package id.pemilu.ocr.reading;

import id.pemilu.ocr.digit.DigitClassifier;
import id.pemilu.ocr.form.FormTemplates;
import id.pemilu.ocr.synth.FormSynthesizer;
import id.pemilu.ocr.synth.HandwrittenDigits;

/** One reader and one synthesiser per test JVM (loading the model and MNIST once keeps the tests fast). */
final class ReaderFixture {

    static final FormTemplates TEMPLATES = FormTemplates.load();
    static final FormReader READER = new FormReader(TEMPLATES, DigitClassifier.load(), PrintedTextReader.create(), 1);
    static final FormSynthesizer SYNTH = new FormSynthesizer(HandwrittenDigits.heldOut());

    private ReaderFixture() {
    }
}
