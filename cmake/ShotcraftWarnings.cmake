# Per-target compile settings shared by every Shotcraft target.
function(shotcraft_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
  target_compile_definitions(${target} PRIVATE QT_NO_CAST_FROM_ASCII QT_NO_FOREACH
                                               QT_DISABLE_DEPRECATED_UP_TO=0x060400)
endfunction()

# One static library per core module (src/<module>/), sources picked up from the folder so a new
# file needs no CMake edit. Modules form a DAG: domain <- storage, story, cinema <- dna, providers
# <- previz <- pipeline <- director; export and models sit on storage.
function(shotcraft_add_module name)
  cmake_parse_arguments(ARG "" "" "DEPS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/${name}/*.cpp
                                      ${CMAKE_CURRENT_SOURCE_DIR}/${name}/*.h)
  if(NOT sources)
    # A module with no code yet still takes part in the dependency graph.
    add_library(shotcraft_${name} INTERFACE)
    target_include_directories(shotcraft_${name} INTERFACE ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(shotcraft_${name} INTERFACE ${ARG_DEPS})
    return()
  endif()
  add_library(shotcraft_${name} STATIC ${sources})
  target_include_directories(shotcraft_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(shotcraft_${name} PUBLIC ${ARG_DEPS})
  set_target_properties(shotcraft_${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  shotcraft_set_warnings(shotcraft_${name})
endfunction()
