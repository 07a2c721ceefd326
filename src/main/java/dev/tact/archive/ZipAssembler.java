package dev.tact.archive;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * Writes the archive's zip from files already deflated into spools ({@link DeflatingSpool}), copying their bytes
 * as they are: the files in path order, each with its sizes and CRC-32 known before its bytes, so no data descriptors;
 * every size and offset in ZIP64 form, so that no size or count of an archive is too large and the one form is the
 * one the tests read. The same data gives the same archive, byte for byte.
 */
final class ZipAssembler {

  /** What was written: the file's length and the CRC-32 of all its bytes, and each entry's CRC-32. */
  record Written(long bytes, long crc32, Map<String, Long> entryCrcs) {}

  private static final int LOCAL = 0x04034b50;
  private static final int CENTRAL = 0x02014b50;
  private static final int ZIP64_END = 0x06064b50;
  private static final int ZIP64_LOCATOR = 0x07064b50;
  private static final int END = 0x06054b50;
  private static final short VERSION = 45; // 4.5: ZIP64
  private static final short UTF8_NAMES = 0x0800;
  private static final short DEFLATED = 8;
  private static final short DOS_DATE_1980_01_01 = (1 << 5) | 1;
  private static final short ZIP64_EXTRA = 0x0001;
  private static final int MAGIC = 0xFFFFFFFF;

  private ZipAssembler() {}

  static Written assemble(Path archive, List<DeflatingSpool.Spooled> files) throws IOException {
    List<DeflatingSpool.Spooled> sorted = new ArrayList<>(files);
    sorted.sort(Comparator.comparing(DeflatingSpool.Spooled::path));
    CRC32 crc = new CRC32();
    Map<String, Long> entryCrcs = new HashMap<>();
    List<Long> offsets = new ArrayList<>();
    try (CountingOutputStream out = new CountingOutputStream(new CheckedOutputStream(new BufferedOutputStream(
        Files.newOutputStream(archive), DeflatingSpool.CHUNK), crc))) {
      for (DeflatingSpool.Spooled file : sorted) {
        offsets.add(out.count());
        byte[] name = file.path().getBytes(StandardCharsets.UTF_8);
        ByteBuffer header = little(30 + name.length + 20);
        header.putInt(LOCAL).putShort(VERSION).putShort(UTF8_NAMES).putShort(DEFLATED).putShort((short) 0)
            .putShort(DOS_DATE_1980_01_01).putInt((int) file.crc32()).putInt(MAGIC).putInt(MAGIC)
            .putShort((short) name.length).putShort((short) 20).put(name)
            .putShort(ZIP64_EXTRA).putShort((short) 16).putLong(file.bytes()).putLong(file.compressedBytes());
        out.write(header.array());
        copy(file, out);
        entryCrcs.put(file.path(), file.crc32());
      }
      long centralStart = out.count();
      for (int i = 0; i < sorted.size(); i++) {
        DeflatingSpool.Spooled file = sorted.get(i);
        byte[] name = file.path().getBytes(StandardCharsets.UTF_8);
        ByteBuffer header = little(46 + name.length + 28);
        header.putInt(CENTRAL).putShort(VERSION).putShort(VERSION).putShort(UTF8_NAMES).putShort(DEFLATED)
            .putShort((short) 0).putShort(DOS_DATE_1980_01_01).putInt((int) file.crc32()).putInt(MAGIC)
            .putInt(MAGIC).putShort((short) name.length).putShort((short) 28).putShort((short) 0)
            .putShort((short) 0).putShort((short) 0).putInt(0).putInt(MAGIC).put(name)
            .putShort(ZIP64_EXTRA).putShort((short) 24).putLong(file.bytes()).putLong(file.compressedBytes())
            .putLong(offsets.get(i));
        out.write(header.array());
      }
      long centralEnd = out.count();
      ByteBuffer end = little(56 + 20 + 22);
      end.putInt(ZIP64_END).putLong(44).putShort(VERSION).putShort(VERSION).putInt(0).putInt(0)
          .putLong(sorted.size()).putLong(sorted.size()).putLong(centralEnd - centralStart).putLong(centralStart);
      end.putInt(ZIP64_LOCATOR).putInt(0).putLong(centralEnd).putInt(1);
      end.putInt(END).putShort((short) 0).putShort((short) 0).putShort((short) 0xFFFF).putShort((short) 0xFFFF)
          .putInt(MAGIC).putInt(MAGIC).putShort((short) 0);
      out.write(end.array());
      out.flush();
      return new Written(out.count(), crc.getValue(), Map.copyOf(entryCrcs));
    }
  }

  private static void copy(DeflatingSpool.Spooled file, OutputStream out) throws IOException {
    try (FileChannel channel = FileChannel.open(file.spool(), StandardOpenOption.READ)) {
      channel.position(file.offset());
      InputStream in = Channels.newInputStream(channel);
      byte[] buffer = new byte[DeflatingSpool.CHUNK];
      long left = file.compressedBytes();
      while (left > 0) {
        int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (read < 0) {
          throw new IOException("The spool file " + file.spool() + " ended early");
        }
        out.write(buffer, 0, read);
        left -= read;
      }
    }
  }

  private static ByteBuffer little(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }
}
