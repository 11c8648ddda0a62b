package id.pemilu.partyregistry.member;

/** Where a membership came from: a row of an import (importId null = entered one by one, e.g. a replacement). */
public record SourceRow(String importId, int row) {
}
