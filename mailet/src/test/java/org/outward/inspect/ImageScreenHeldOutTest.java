package org.outward.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.fixtures.heldout.HeldOutPictures;
import org.outward.fixtures.heldout.HeldOutRegisterPrints;
import org.outward.fixtures.heldout.HeldOutSheetPhotos;
import org.outward.fixtures.photos.CanvassSheets;

/**
 * The image screen graded on held-out pictures made by another method than the ones it was developed on: it must
 * pass every photographed list of five people or more (sheets and spreadsheet prints), and it should spare OCR the
 * pictures that hold none.
 * Prints per family how many it skipped (names and measures only).
 */
class ImageScreenHeldOutTest {

    @TempDir
    Path dir;

    private final ImageScreen screen = new ImageScreen(40_000_000);

    @Test
    void everyPhotographedListOfFiveToTwentyPeopleIsRead() throws Exception {
        List<String> skipped = new ArrayList<>();
        int photos = 0;
        for (int listed : new int[]{5, 8, 12, 20}) {
            for (CanvassSheets.Photo photo : HeldOutSheetPhotos.photosOfLists(listed, HeldOutSheetPhotos.SEED, 6,
                    1000, 1300, 1600)) {
                photos++;
                ImageScreen.Screen result = screen.check(file(photo.name(), photo.jpeg()));
                if (result.verdict() != ImageScreen.Verdict.READ) {
                    skipped.add(photo.name() + ": " + result.why());
                }
            }
        }
        for (CanvassSheets.Photo photo : HeldOutRegisterPrints.photos(HeldOutRegisterPrints.SEED, 10, 1000, 1150,
                1300, 1450, 1600)) {
            photos++;
            ImageScreen.Screen result = screen.check(file(photo.name(), photo.jpeg()));
            if (result.verdict() != ImageScreen.Verdict.READ) {
                skipped.add(photo.name() + ": " + result.why());
            }
        }
        System.out.println("held-out lists read by the screen: " + (photos - skipped.size()) + " of " + photos);
        assertThat(skipped).isEmpty();
    }

    @Test
    void picturesWithoutAListAreMostlySkipped() throws Exception {
        Map<String, int[]> byFamily = new TreeMap<>();
        for (HeldOutPictures.Picture picture : HeldOutPictures.pictures(HeldOutPictures.SEED, 6)) {
            ImageScreen.Screen result = screen.check(file(picture.name(), picture.image()));
            int[] counts = byFamily.computeIfAbsent(picture.family(), f -> new int[2]);
            counts[1]++;
            if (result.verdict() == ImageScreen.Verdict.SKIP) {
                counts[0]++;
            }
            System.out.println("held-out " + picture.name() + ": " + result.verdict() + " (" + result.why() + ")");
        }
        byFamily.forEach((family, counts) ->
                System.out.println("held-out skipped, " + family + ": " + counts[0] + " of " + counts[1]));
        // What the layout test is for: pictures with a few lines of lettering, or lettering here and there.
        assertThat(byFamily.get("poster")[0]).isGreaterThanOrEqualTo(byFamily.get("poster")[1] / 2);
        assertThat(byFamily.get("scene")[0]).isGreaterThanOrEqualTo(byFamily.get("scene")[1] / 2);
    }

    private Path file(String name, byte[] bytes) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }
}
