package org.rubyport.sw.rack;

/** The installed apps. */
public interface AppRegistry {
    /** The app called name, or null when none is installed. */
    RackApp find(String name) throws Exception;
}
