// The vocabulary of the shot: sizes, angles, moves, lenses, composition and staging, as a
// cinematographer names them. Shared by the breakdown, the prompt engine, previz and the views.
#pragma once

#include "domain/Json.h"

namespace shotcraft {

using Id = qint64; // project-unique, assigned by Project::allocateId(); 0 means "none"

enum class ShotSize { ExtremeWide, Wide, MediumWide, Medium, MediumCloseUp, CloseUp, ExtremeCloseUp, Insert };
NLOHMANN_JSON_SERIALIZE_ENUM(ShotSize, {{ShotSize::Medium, "MS"},
                                        {ShotSize::ExtremeWide, "EWS"},
                                        {ShotSize::Wide, "WS"},
                                        {ShotSize::MediumWide, "MWS"},
                                        {ShotSize::MediumCloseUp, "MCU"},
                                        {ShotSize::CloseUp, "CU"},
                                        {ShotSize::ExtremeCloseUp, "ECU"},
                                        {ShotSize::Insert, "INSERT"}})

enum class CameraAngle { EyeLevel, Low, High, Overhead, Dutch, OverTheShoulder, PointOfView };
NLOHMANN_JSON_SERIALIZE_ENUM(CameraAngle, {{CameraAngle::EyeLevel, "eye-level"},
                                           {CameraAngle::Low, "low"},
                                           {CameraAngle::High, "high"},
                                           {CameraAngle::Overhead, "overhead"},
                                           {CameraAngle::Dutch, "dutch"},
                                           {CameraAngle::OverTheShoulder, "over-the-shoulder"},
                                           {CameraAngle::PointOfView, "pov"}})

enum class CameraMovement { Static, Pan, Tilt, DollyIn, DollyOut, Truck, Crane, Handheld, Steadicam, Zoom };
NLOHMANN_JSON_SERIALIZE_ENUM(CameraMovement, {{CameraMovement::Static, "static"},
                                              {CameraMovement::Pan, "pan"},
                                              {CameraMovement::Tilt, "tilt"},
                                              {CameraMovement::DollyIn, "dolly-in"},
                                              {CameraMovement::DollyOut, "dolly-out"},
                                              {CameraMovement::Truck, "truck"},
                                              {CameraMovement::Crane, "crane"},
                                              {CameraMovement::Handheld, "handheld"},
                                              {CameraMovement::Steadicam, "steadicam"},
                                              {CameraMovement::Zoom, "zoom"}})

enum class Sensor { Super35, FullFrame, LargeFormat };
NLOHMANN_JSON_SERIALIZE_ENUM(Sensor, {{Sensor::Super35, "super35"},
                                      {Sensor::FullFrame, "full-frame"},
                                      {Sensor::LargeFormat, "large-format"}})

enum class CompositionRule {
    RuleOfThirds,
    CentredSymmetry,
    LeadingLines,
    FrameWithinFrame,
    NegativeSpace,
    DutchTilt,
    DepthLayering,
    ShortSiding,
    GoldenRatio
};
NLOHMANN_JSON_SERIALIZE_ENUM(CompositionRule, {{CompositionRule::RuleOfThirds, "rule-of-thirds"},
                                               {CompositionRule::CentredSymmetry, "centred-symmetry"},
                                               {CompositionRule::LeadingLines, "leading-lines"},
                                               {CompositionRule::FrameWithinFrame, "frame-within-frame"},
                                               {CompositionRule::NegativeSpace, "negative-space"},
                                               {CompositionRule::DutchTilt, "dutch-tilt"},
                                               {CompositionRule::DepthLayering, "depth-layering"},
                                               {CompositionRule::ShortSiding, "short-siding"},
                                               {CompositionRule::GoldenRatio, "golden-ratio"}})

enum class DepthPlane { Foreground, Midground, Background };
NLOHMANN_JSON_SERIALIZE_ENUM(DepthPlane, {{DepthPlane::Midground, "midground"},
                                          {DepthPlane::Foreground, "foreground"},
                                          {DepthPlane::Background, "background"}})

// Which way a character faces, as seen by the camera.
enum class Facing { Camera, Left, Right, ThreeQuarterLeft, ThreeQuarterRight, Away };
NLOHMANN_JSON_SERIALIZE_ENUM(Facing, {{Facing::Camera, "camera"},
                                      {Facing::Left, "left"},
                                      {Facing::Right, "right"},
                                      {Facing::ThreeQuarterLeft, "three-quarter-left"},
                                      {Facing::ThreeQuarterRight, "three-quarter-right"},
                                      {Facing::Away, "away"}})

enum class TimeOfDay { Unknown, Day, Night, Dawn, Dusk, Morning, Evening, Continuous };
NLOHMANN_JSON_SERIALIZE_ENUM(TimeOfDay, {{TimeOfDay::Unknown, "unknown"},
                                         {TimeOfDay::Day, "day"},
                                         {TimeOfDay::Night, "night"},
                                         {TimeOfDay::Dawn, "dawn"},
                                         {TimeOfDay::Dusk, "dusk"},
                                         {TimeOfDay::Morning, "morning"},
                                         {TimeOfDay::Evening, "evening"},
                                         {TimeOfDay::Continuous, "continuous"}})

enum class Weather { Clear, Overcast, Rain, Storm, Snow, Fog, Haze };
NLOHMANN_JSON_SERIALIZE_ENUM(Weather, {{Weather::Clear, "clear"},
                                       {Weather::Overcast, "overcast"},
                                       {Weather::Rain, "rain"},
                                       {Weather::Storm, "storm"},
                                       {Weather::Snow, "snow"},
                                       {Weather::Fog, "fog"},
                                       {Weather::Haze, "haze"}})

enum class InteriorExterior { Interior, Exterior, InteriorExterior };
NLOHMANN_JSON_SERIALIZE_ENUM(InteriorExterior, {{InteriorExterior::Interior, "INT"},
                                                {InteriorExterior::Exterior, "EXT"},
                                                {InteriorExterior::InteriorExterior, "INT/EXT"}})

// The lens on the camera for one shot. Aperture is the f-number (T-stop for cinema glass).
struct Lens {
    double focalLengthMm = 35.0;
    double aperture = 2.8;
    Sensor sensor = Sensor::Super35;
    bool operator==(const Lens &) const = default;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Lens, focalLengthMm, aperture, sensor)

// What stands in each depth plane of the frame.
struct DepthStaging {
    QString foreground;
    QString midground;
    QString background;
    bool operator==(const DepthStaging &) const = default;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(DepthStaging, foreground, midground, background)

// Where one character stands in a shot: screenX runs 0 (left edge) to 1 (right edge).
struct Blocking {
    Id characterId = 0;
    double screenX = 0.5;
    Facing facing = Facing::Camera;
    DepthPlane plane = DepthPlane::Midground;
    QString eyeline; // what or whom they look at
    QString action;
    bool operator==(const Blocking &) const = default;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Blocking, characterId, screenX, facing, plane, eyeline,
                                                action)

} // namespace shotcraft
