package com.easycrm4u.camel.waapi.karaf;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the linkage check needs from a class file (JVMS chapter 4): its name, supertypes, declared members, and the
 * classes, fields and methods its constant pool refers to.
 */
record ClassFile(String name, String superName, List<String> interfaces, Set<String> fields, Set<String> methods,
        Set<String> classRefs, List<MemberRef> memberRefs, List<String> utf8) {

    /** A field or method this class uses: owner (internal name), name and descriptor. */
    record MemberRef(boolean method, String owner, String name, String descriptor) {
        @Override
        public String toString() {
            return owner.replace('/', '.') + (method ? "." + name + descriptor : "#" + name + ":" + descriptor);
        }
    }

    static ClassFile parse(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        Object[] pool = new Object[count];
        int[][] refs = new int[count][];
        int[] tags = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            tags[i] = tag;
            switch (tag) {
                case 1 -> pool[i] = in.readUTF();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                case 7, 8, 16, 19, 20 -> refs[i] = new int[] { in.readUnsignedShort() };
                case 9, 10, 11, 12, 17, 18 -> refs[i] = new int[] { in.readUnsignedShort(), in.readUnsignedShort() };
                case 15 -> refs[i] = new int[] { in.readUnsignedByte(), in.readUnsignedShort() };
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        Set<String> classRefs = new HashSet<>();
        List<MemberRef> memberRefs = new ArrayList<>();
        List<String> utf8 = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            if (tags[i] == 1) {
                utf8.add((String) pool[i]);
            } else if (tags[i] == 7) {
                classRefs.add((String) pool[refs[i][0]]);
            } else if (tags[i] == 9 || tags[i] == 10 || tags[i] == 11) {
                int[] nameAndType = refs[refs[i][1]];
                memberRefs.add(new MemberRef(
                        tags[i] != 9, (String) pool[refs[refs[i][0]][0]], (String) pool[nameAndType[0]],
                        (String) pool[nameAndType[1]]));
            }
        }
        in.readUnsignedShort();
        String name = (String) pool[refs[in.readUnsignedShort()][0]];
        int superIndex = in.readUnsignedShort();
        String superName = superIndex == 0 ? null : (String) pool[refs[superIndex][0]];
        List<String> interfaces = new ArrayList<>();
        for (int i = in.readUnsignedShort(); i > 0; i--) {
            interfaces.add((String) pool[refs[in.readUnsignedShort()][0]]);
        }
        Set<String> fields = members(in, pool);
        Set<String> methods = members(in, pool);
        return new ClassFile(name, superName, interfaces, fields, methods, classRefs, memberRefs, utf8);
    }

    /** name + descriptor of each field or method, skipping their attributes */
    private static Set<String> members(DataInputStream in, Object[] pool) throws IOException {
        Set<String> members = new HashSet<>();
        for (int i = in.readUnsignedShort(); i > 0; i--) {
            in.readUnsignedShort();
            members.add(pool[in.readUnsignedShort()] + ":" + pool[in.readUnsignedShort()]);
            for (int a = in.readUnsignedShort(); a > 0; a--) {
                in.readUnsignedShort();
                in.skipNBytes(Integer.toUnsignedLong(in.readInt()));
            }
        }
        return members;
    }
}
