package dev.guestchat.simulator;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** A small real PNG for the agent side's pictures when the console or a test sends one without bytes. */
final class SamplePicture {
    private SamplePicture() {
    }

    static byte[] png(String caption) {
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(0x2f6fde));
            g.fillRect(0, 0, 320, 200);
            g.setColor(Color.WHITE);
            g.fillOval(120, 40, 80, 80);
            g.fillRect(16 + Math.floorMod(caption.hashCode(), 200), 150, 80, 20); // no text: fonts may be missing here
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
