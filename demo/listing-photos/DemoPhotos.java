import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the demo listings' photos locally (nothing is downloaded): one 1200 × 900 PNG per input line
 * "<file name>\t<title>\t<seed>", a gradient and shapes in colours from the seed, the title on top.
 * Run as a single-file program: java demo/listing-photos/DemoPhotos.java <out dir> < lines
 */
public class DemoPhotos {

    public static void main(String[] args) throws Exception {
        File out = new File(args[0]);
        out.mkdirs();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            String[] f = line.split("\t");
            if (f.length < 3) {
                continue;
            }
            File file = new File(out, f[0]);
            if (!file.exists()) {
                ImageIO.write(draw(f[1], Long.parseLong(f[2])), "png", file);
            }
        }
    }

    static BufferedImage draw(String title, long seed) {
        java.util.Random random = new java.util.Random(seed);
        int w = 1200, h = 900;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        float hue = random.nextFloat();
        g.setPaint(new GradientPaint(0, 0, Color.getHSBColor(hue, 0.35f, 0.97f), w, h, Color.getHSBColor((hue + 0.15f) % 1, 0.55f, 0.75f)));
        g.fillRect(0, 0, w, h);
        for (int i = 0; i < 7; i++) {
            g.setColor(Color.getHSBColor((hue + random.nextFloat() * 0.3f) % 1, 0.5f + random.nextFloat() * 0.4f, 0.6f + random.nextFloat() * 0.4f));
            int size = 120 + random.nextInt(320);
            int x = random.nextInt(w - size), y = 80 + random.nextInt(h - size - 200);
            switch (random.nextInt(3)) {
                case 0 -> g.fillOval(x, y, size, size);
                case 1 -> g.fillRoundRect(x, y, size, (int) (size * 0.7), 40, 40);
                default -> {
                    g.setStroke(new BasicStroke(18));
                    g.drawOval(x, y, size, size);
                }
            }
        }
        g.setColor(new Color(255, 255, 255, 215));
        g.fillRoundRect(40, h - 250, w - 80, 200, 30, 30);
        g.setColor(new Color(30, 30, 40));
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, 54);
        g.setFont(font);
        FontMetrics m = g.getFontMetrics();
        List<String> lines = wrap(title, m, w - 140);
        int y = h - 250 + 80;
        for (String l : lines.subList(0, Math.min(2, lines.size()))) {
            g.drawString(l, 70, y);
            y += 70;
        }
        g.dispose();
        return image;
    }

    static List<String> wrap(String text, FontMetrics m, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && m.stringWidth(line + " " + word) > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
