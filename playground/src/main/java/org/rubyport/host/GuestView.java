package org.rubyport.host;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;

/**
 * A DataView over guest memory, with byte offsets and the length as doubles: a memory may reach 4 GiB, past
 * an int, and TeaVM's own DataView takes int offsets, which a guest address above 2 GiB turns negative.
 */
interface GuestView extends JSObject {
    @JSProperty
    double getByteLength();

    byte getInt8(double offset);

    void setInt8(double offset, int value);

    short getInt16(double offset, boolean littleEndian);

    void setInt16(double offset, int value, boolean littleEndian);

    int getInt32(double offset, boolean littleEndian);

    void setInt32(double offset, int value, boolean littleEndian);

    long getBigInt64(double offset, boolean littleEndian);

    void setBigInt64(double offset, long value, boolean littleEndian);
}
