# Warnings as errors on the project's own code only: generated and third-party code keeps its own.
set(WAYMARK_WARNING_FLAGS -Wall -Wextra -Wpedantic -Wshadow -Wconversion
    -Wno-sign-conversion -Wno-missing-field-initializers -Wnon-virtual-dtor -Wold-style-cast -Werror)

function(waymark_warnings target)
  target_compile_options(${target} PRIVATE ${WAYMARK_WARNING_FLAGS})
endfunction()

# For a target that also compiles generated code (a QML module's qmlcachegen output does not pass
# -Wshadow): the warnings go on the listed sources only.
function(waymark_warnings_on_sources)
  set_source_files_properties(${ARGN} DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}
                              PROPERTIES COMPILE_OPTIONS "${WAYMARK_WARNING_FLAGS}")
endfunction()
