
#include "header.h"

void predict_unit3(union Entry* data, float* result) {
  unsigned int tmp;
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.5806999207)) {
    if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.6396999359)) {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)4.940199852)) {
        if (!(data[1].missing != -1) || (data[1].fvalue < (float)42.27399826)) {
          result[0] += 0.026296698;
        } else {
          result[0] += -0.14828116;
        }
      } else {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)3.9107999802)) {
          result[0] += -0.06997565;
        } else {
          result[0] += -0.20777823;
        }
      }
    } else {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)5.0350999832)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.3333997726)) {
          result[0] += 0.046556264;
        } else {
          result[0] += -0.14522225;
        }
      } else {
        result[0] += -0.14589027;
      }
    }
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)31.854299545)) {
      if (!(data[16].missing != -1) || (data[16].fvalue < (float)2.9005000591)) {
        result[0] += 0.07366222;
      } else {
        result[0] += -0.08594248;
      }
    } else {
      result[0] += -0.1497018;
    }
  }
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.2627000809)) {
    if ( (data[16].missing != -1) && (data[16].fvalue < (float)3.1217000484)) {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.2347998619)) {
        if ( (data[18].missing != -1) && (data[18].fvalue < (float)3.8554000854)) {
          result[1] += 0.18168592;
        } else {
          result[1] += -0.12208348;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.5433000326)) {
          result[1] += 0.27360722;
        } else {
          result[1] += -0.043641966;
        }
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.5753002167)) {
        result[1] += -0.14158043;
      } else {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)30.410900116)) {
          result[1] += -0.075830586;
        } else {
          result[1] += 0.14579387;
        }
      }
    }
  } else {
    if (!(data[15].missing != -1) || (data[15].fvalue < (float)6.9096999168)) {
      if (!(data[7].missing != -1) || (data[7].fvalue < (float)3.2662000656)) {
        result[1] += -0.15036587;
      } else {
        result[1] += -0.031501535;
      }
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.3801999092)) {
        result[1] += 0.1283571;
      } else {
        result[1] += -0.11249965;
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)8.35779953)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.1673998833)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)88.408805847)) {
        result[2] += -0.14956817;
      } else {
        if (!(data[19].missing != -1) || (data[19].fvalue < (float)92.558502197)) {
          result[2] += 0.07397389;
        } else {
          result[2] += -0.09879167;
        }
      }
    } else {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.1454000473)) {
        if (!(data[19].missing != -1) || (data[19].fvalue < (float)91.05909729)) {
          result[2] += -0.06871789;
        } else {
          result[2] += 0.047505774;
        }
      } else {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.3708000183)) {
          result[2] += -0.059570987;
        } else {
          result[2] += -0.16957375;
        }
      }
    }
  } else {
    if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.3333997726)) {
      if (!(data[8].missing != -1) || (data[8].fvalue < (float)30.443199158)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.9895999432)) {
          result[2] += 0.088951215;
        } else {
          result[2] += -0.015299215;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.5535000563)) {
          result[2] += 0.034964614;
        } else {
          result[2] += 0.12047393;
        }
      }
    } else {
      result[2] += -0.15018669;
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.8281998634)) {
    if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.371999979)) {
      if ( (data[10].missing != -1) && (data[10].fvalue < (float)28.870800018)) {
        if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.103399992)) {
          result[3] += -0.11546439;
        } else {
          result[3] += 0.067948215;
        }
      } else {
        result[3] += -0.15068792;
      }
    } else {
      if ( (data[7].missing != -1) && (data[7].fvalue < (float)2.9210999012)) {
        result[3] += 0.113067076;
      } else {
        result[3] += -0.09380505;
      }
    }
  } else {
    if (!(data[9].missing != -1) || (data[9].fvalue < (float)36.339599609)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.4049999714)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)3.540899992)) {
          result[3] += -0.13127661;
        } else {
          result[3] += 0.14689374;
        }
      } else {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)40.092700958)) {
          result[3] += -0.0015199861;
        } else {
          result[3] += -0.09634349;
        }
      }
    } else {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)38.817501068)) {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.5351999998)) {
          result[3] += 0.15408689;
        } else {
          result[3] += 0.034207385;
        }
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)40.34469986)) {
          result[3] += -0.011545291;
        } else {
          result[3] += 0.08111991;
        }
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.8780999184)) {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.3411998749)) {
      result[4] += -0.15045239;
    } else {
      if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.1884999275)) {
        result[4] += -0.120559506;
      } else {
        result[4] += 0.18180057;
      }
    }
  } else {
    if ( (data[4].missing != -1) && (data[4].fvalue < (float)3.0992999077)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)4.7993998528)) {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)6.881000042)) {
          result[4] += 0.11064372;
        } else {
          result[4] += -0.08019665;
        }
      } else {
        result[4] += -0.12884551;
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.3618001938)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.3824000359)) {
          result[4] += 0.1543481;
        } else {
          result[4] += -0.058206722;
        }
      } else {
        result[4] += -0.07885359;
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)3.989700079)) {
    if (!(data[4].missing != -1) || (data[4].fvalue < (float)2.8080999851)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.3875999451)) {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)3.6470000744)) {
          result[5] += -0.09016356;
        } else {
          result[5] += 0.24494646;
        }
      } else {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)29.837900162)) {
          result[5] += 0.08309973;
        } else {
          result[5] += -0.12505096;
        }
      }
    } else {
      if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.7252999544)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)88.408805847)) {
          result[5] += -0.1506278;
        } else {
          result[5] += -0.049303565;
        }
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)38.351699829)) {
          result[5] += -0.09112259;
        } else {
          result[5] += 0.06987423;
        }
      }
    }
  } else {
    if (!(data[4].missing != -1) || (data[4].fvalue < (float)2.9416999817)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)40.846298218)) {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)28.870800018)) {
          result[5] += 0.049079347;
        } else {
          result[5] += -0.1493462;
        }
      } else {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.0294001102)) {
          result[5] += 0.13375896;
        } else {
          result[5] += 0.002753048;
        }
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.0383000374)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)4.8743000031)) {
          result[5] += -0.13194014;
        } else {
          result[5] += 0.038996134;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.3728001118)) {
          result[5] += 0.015716672;
        } else {
          result[5] += -0.15152597;
        }
      }
    }
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.472099781)) {
    if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.8852000237)) {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.5721999407)) {
        result[6] += -0.14788623;
      } else {
        if (!(data[8].missing != -1) || (data[8].fvalue < (float)30.50110054)) {
          result[6] += 0.10932629;
        } else {
          result[6] += -0.12374974;
        }
      }
    } else {
      if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.4207999706)) {
        result[6] += -0.1519644;
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.3296000957)) {
          result[6] += -0.13005081;
        } else {
          result[6] += 0.19077136;
        }
      }
    }
  } else {
    if (!(data[13].missing != -1) || (data[13].fvalue < (float)2.9563000202)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)4.7038002014)) {
        result[6] += -0.14797196;
      } else {
        if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.089400053)) {
          result[6] += 0.12722786;
        } else {
          result[6] += -0.0899837;
        }
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.8612999916)) {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)2.8208999634)) {
          result[6] += -0.1060935;
        } else {
          result[6] += 0.041328516;
        }
      } else {
        result[6] += -0.14972323;
      }
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.96319997311)) {
    if (!(data[9].missing != -1) || (data[9].fvalue < (float)41.306598663)) {
      if ( (data[13].missing != -1) && (data[13].fvalue < (float)2.6831998825)) {
        result[7] += 0.017239986;
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.0694000721)) {
          result[7] += 0.02088688;
        } else {
          result[7] += 0.15329494;
        }
      }
    } else {
      result[7] += -0.043177843;
    }
  } else {
    if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.2232999802)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.0332999229)) {
        if ( (data[18].missing != -1) && (data[18].fvalue < (float)3.799200058)) {
          result[7] += 0.027571797;
        } else {
          result[7] += -0.14971316;
        }
      } else {
        if ( (data[13].missing != -1) && (data[13].fvalue < (float)3.3118999004)) {
          result[7] += 0.06289744;
        } else {
          result[7] += -0.11076686;
        }
      }
    } else {
      if ( (data[18].missing != -1) && (data[18].fvalue < (float)3.9872000217)) {
        result[7] += 0.035332963;
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.7281000614)) {
          result[7] += -0.14770965;
        } else {
          result[7] += -0.06687974;
        }
      }
    }
  }
  if (!(data[1].missing != -1) || (data[1].fvalue < (float)43.664199829)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.5760002136)) {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)40.03219986)) {
        result[8] += -0.14705114;
      } else {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)31.273099899)) {
          result[8] += 0.18117155;
        } else {
          result[8] += -0.04728875;
        }
      }
    } else {
      if (!(data[0].missing != -1) || (data[0].fvalue < (float)53.730701447)) {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)47.444999695)) {
          result[8] += -0.14922312;
        } else {
          result[8] += -0.07853486;
        }
      } else {
        result[8] += 0.0664886;
      }
    }
  } else {
    if ( (data[10].missing != -1) && (data[10].fvalue < (float)35.143199921)) {
      if (!(data[9].missing != -1) || (data[9].fvalue < (float)38.08649826)) {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)44.8022995)) {
          result[8] += 0.21081243;
        } else {
          result[8] += 0.15567611;
        }
      } else {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)46.033798218)) {
          result[8] += -0.11918151;
        } else {
          result[8] += 0.1467072;
        }
      }
    } else {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)47.957698822)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)36.403400421)) {
          result[8] += 0.14416859;
        } else {
          result[8] += -0.1561079;
        }
      } else {
        result[8] += 0.15292686;
      }
    }
  }
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.602399826)) {
    if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.3533000946)) {
      if (!(data[0].missing != -1) || (data[0].fvalue < (float)45.171398163)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.3955001831)) {
          result[0] += 0.003455457;
        } else {
          result[0] += -0.15828133;
        }
      } else {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)35.960700989)) {
          result[0] += -0.22295456;
        } else {
          result[0] += 0.0036402028;
        }
      }
    } else {
      if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.371999979)) {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)51.030498505)) {
          result[0] += 0.039222006;
        } else {
          result[0] += -0.15171987;
        }
      } else {
        result[0] += -0.17178625;
      }
    }
  } else {
    if (!(data[18].missing != -1) || (data[18].fvalue < (float)4.9219999313)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.540899992)) {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)1.0058000088)) {
          result[0] += 0.10151172;
        } else {
          result[0] += -0.09131596;
        }
      } else {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)2.206099987)) {
          result[0] += 0.08223213;
        } else {
          result[0] += -0.15138441;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.8281998634)) {
        if ( (data[13].missing != -1) && (data[13].fvalue < (float)2.8413000107)) {
          result[0] += -0.12229347;
        } else {
          result[0] += 0.069133244;
        }
      } else {
        result[0] += -0.14507079;
      }
    }
  }
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.2627000809)) {
    if (!(data[15].missing != -1) || (data[15].fvalue < (float)6.2150998116)) {
      if (!(data[10].missing != -1) || (data[10].fvalue < (float)37.543899536)) {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)44.402801514)) {
          result[1] += 0.021369405;
        } else {
          result[1] += -0.11635467;
        }
      } else {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)48.826400757)) {
          result[1] += 0.22047083;
        } else {
          result[1] += -0.003071802;
        }
      }
    } else {
      if ( (data[13].missing != -1) && (data[13].fvalue < (float)2.7495999336)) {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.8752999306)) {
          result[1] += -0.09685138;
        } else {
          result[1] += 0.070931986;
        }
      } else {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.8940000534)) {
          result[1] += 0.083702706;
        } else {
          result[1] += 0.15242542;
        }
      }
    }
  } else {
    if (!(data[15].missing != -1) || (data[15].fvalue < (float)6.9096999168)) {
      if (!(data[7].missing != -1) || (data[7].fvalue < (float)3.2662000656)) {
        result[1] += -0.14984652;
      } else {
        result[1] += -0.03026711;
      }
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.3801999092)) {
        result[1] += 0.115129985;
      } else {
        result[1] += -0.10542551;
      }
    }
  }
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)9.4483995438)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.1673998833)) {
      if ( (data[19].missing != -1) && (data[19].fvalue < (float)272.78659058)) {
        result[2] += -0.14904158;
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.8538999557)) {
          result[2] += 0.07405655;
        } else {
          result[2] += -0.09442883;
        }
      }
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.8691999912)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)9.3148002625)) {
          result[2] += 0.08218047;
        } else {
          result[2] += -0.068968356;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.6006000042)) {
          result[2] += 0.10434399;
        } else {
          result[2] += -0.049637828;
        }
      }
    }
  } else {
    if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.2479000092)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)11.302000046)) {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.0144000053)) {
          result[2] += 0.1304776;
        } else {
          result[2] += 0.040336035;
        }
      } else {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)42.866500854)) {
          result[2] += 0.16560009;
        } else {
          result[2] += -0.09660095;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)12.534099579)) {
        if (!(data[8].missing != -1) || (data[8].fvalue < (float)26.230499268)) {
          result[2] += -0.14558099;
        } else {
          result[2] += -0.017781507;
        }
      } else {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)6.597099781)) {
          result[2] += 0.16161615;
        } else {
          result[2] += -0.111889936;
        }
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.8281998634)) {
    if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.371999979)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.2760000229)) {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)3.084100008)) {
          result[3] += -0.10994193;
        } else {
          result[3] += 0.06728544;
        }
      } else {
        result[3] += -0.15015727;
      }
    } else {
      if ( (data[7].missing != -1) && (data[7].fvalue < (float)2.9210999012)) {
        result[3] += 0.10733164;
      } else {
        result[3] += -0.08987753;
      }
    }
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)35.905799866)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.7644000053)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)9.4483995438)) {
          result[3] += 0.030284742;
        } else {
          result[3] += -0.07702548;
        }
      } else {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.1521999836)) {
          result[3] += -0.001461802;
        } else {
          result[3] += -0.16903955;
        }
      }
    } else {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)38.71049881)) {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.5328999758)) {
          result[3] += 0.13262695;
        } else {
          result[3] += 0.012049984;
        }
      } else {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)38.251998901)) {
          result[3] += -0.0515134;
        } else {
          result[3] += 0.047102343;
        }
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.8780999184)) {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.3411998749)) {
      result[4] += -0.15001515;
    } else {
      if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.1884999275)) {
        result[4] += -0.1147965;
      } else {
        result[4] += 0.17264622;
      }
    }
  } else {
    if ( (data[4].missing != -1) && (data[4].fvalue < (float)3.0992999077)) {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)4.7993998528)) {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)6.9899001122)) {
          result[4] += 0.08933003;
        } else {
          result[4] += -0.0797682;
        }
      } else {
        result[4] += -0.12775071;
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.3618001938)) {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)2.6828000546)) {
          result[4] += -0.04232233;
        } else {
          result[4] += 0.15311086;
        }
      } else {
        result[4] += -0.072385676;
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)3.989700079)) {
    if (!(data[4].missing != -1) || (data[4].fvalue < (float)2.8080999851)) {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)3.6470000744)) {
        result[5] += -0.13717991;
      } else {
        if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.4590997696)) {
          result[5] += 0.18103988;
        } else {
          result[5] += -0.08343645;
        }
      }
    } else {
      if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.7252999544)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)88.408805847)) {
          result[5] += -0.15015522;
        } else {
          result[5] += -0.042584065;
        }
      } else {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.076800108)) {
          result[5] += -0.08810413;
        } else {
          result[5] += 0.069377676;
        }
      }
    }
  } else {
    if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.7190001011)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)41.032901764)) {
        if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.5095000267)) {
          result[5] += 0.036219105;
        } else {
          result[5] += -0.14126648;
        }
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.8538999557)) {
          result[5] += -0.019996613;
        } else {
          result[5] += 0.15325363;
        }
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.4916000366)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)4.940199852)) {
          result[5] += -0.09577881;
        } else {
          result[5] += 0.07934928;
        }
      } else {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)5.3411998749)) {
          result[5] += -0.14879423;
        } else {
          result[5] += 0.10732054;
        }
      }
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.6136000156)) {
    if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.9047000408)) {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.2149000168)) {
        result[6] += -0.14501026;
      } else {
        if (!(data[18].missing != -1) || (data[18].fvalue < (float)4.2820000648)) {
          result[6] += 0.22155757;
        } else {
          result[6] += -0.06019784;
        }
      }
    } else {
      result[6] += -0.14985259;
    }
  } else {
    if ( (data[13].missing != -1) && (data[13].fvalue < (float)2.9087998867)) {
      if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.9348000288)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)4.7038002014)) {
          result[6] += -0.14282033;
        } else {
          result[6] += 0.13164863;
        }
      } else {
        if (!(data[16].missing != -1) || (data[16].fvalue < (float)2.6833999157)) {
          result[6] += 0.015349322;
        } else {
          result[6] += -0.14018025;
        }
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.9994997978)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)4.9811000824)) {
          result[6] += -0.10440453;
        } else {
          result[6] += 0.05986039;
        }
      } else {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.7344999313)) {
          result[6] += 0.083916076;
        } else {
          result[6] += -0.12827136;
        }
      }
    }
  }
  if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.5146000385)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.7906999588)) {
      if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.1778001785)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.9966000319)) {
          result[7] += -0.13826168;
        } else {
          result[7] += 0.063957356;
        }
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)33.298000336)) {
          result[7] += -0.010763971;
        } else {
          result[7] += -0.12364524;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.9166002274)) {
        if ( (data[18].missing != -1) && (data[18].fvalue < (float)3.9577999115)) {
          result[7] += 0.21066834;
        } else {
          result[7] += -0.089669645;
        }
      } else {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.2572000027)) {
          result[7] += 0.15309216;
        } else {
          result[7] += -0.08064836;
        }
      }
    }
  } else {
    if ( (data[13].missing != -1) && (data[13].fvalue < (float)2.7325999737)) {
      if ( (data[18].missing != -1) && (data[18].fvalue < (float)3.6735999584)) {
        result[7] += 0.11123656;
      } else {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.98070001602)) {
          result[7] += -0.004447294;
        } else {
          result[7] += -0.1458834;
        }
      }
    } else {
      if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.5364000797)) {
        if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.7971999645)) {
          result[7] += 0.15276967;
        } else {
          result[7] += -0.12396251;
        }
      } else {
        result[7] += -0.14040357;
      }
    }
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)40.779098511)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.4572000504)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)30.617799759)) {
        result[8] += -0.0023847588;
      } else {
        result[8] += -0.14986104;
      }
    } else {
      if ( (data[10].missing != -1) && (data[10].fvalue < (float)29.580999374)) {
        result[8] += 0.20030615;
      } else {
        result[8] += -0.12712212;
      }
    }
  } else {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.9846000671)) {
      if ( (data[10].missing != -1) && (data[10].fvalue < (float)34.43529892)) {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)138.44941711)) {
          result[8] += 0.17552356;
        } else {
          result[8] += -0.023874221;
        }
      } else {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)47.957698822)) {
          result[8] += -0.121669814;
        } else {
          result[8] += 0.1414183;
        }
      }
    } else {
      if (!(data[1].missing != -1) || (data[1].fvalue < (float)46.469100952)) {
        result[8] += -0.14931585;
      } else {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)35.715698242)) {
          result[8] += 0.11480718;
        } else {
          result[8] += 0.019331232;
        }
      }
    }
  }
  if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.2923998833)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)28.860900879)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)41.91740036)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.9719998837)) {
          result[0] += 0.08232953;
        } else {
          result[0] += -0.0433264;
        }
      } else {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)31.696699142)) {
          result[0] += -0.19125637;
        } else {
          result[0] += -0.049660105;
        }
      }
    } else {
      if (!(data[0].missing != -1) || (data[0].fvalue < (float)50.659301758)) {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.3385999203)) {
          result[0] += 0.05036953;
        } else {
          result[0] += -0.14819402;
        }
      } else {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)37.820201874)) {
          result[0] += -0.14459917;
        } else {
          result[0] += 0.009860925;
        }
      }
    }
  } else {
    if (!(data[1].missing != -1) || (data[1].fvalue < (float)42.005199432)) {
      if (!(data[6].missing != -1) || (data[6].fvalue < (float)2.491699934)) {
        if (!(data[8].missing != -1) || (data[8].fvalue < (float)31.30629921)) {
          result[0] += -0.11674444;
        } else {
          result[0] += 0.053848483;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.6449000835)) {
          result[0] += -0.065783925;
        } else {
          result[0] += -0.17382248;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.2129998207)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.8466000557)) {
          result[0] += 0.14392322;
        } else {
          result[0] += -0.09494949;
        }
      } else {
        result[0] += -0.14065807;
      }
    }
  }
  if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.2016999722)) {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.2627000809)) {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.2347998619)) {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.6979000568)) {
          result[1] += -0.110205315;
        } else {
          result[1] += 0.08580587;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.5433000326)) {
          result[1] += 0.2471402;
        } else {
          result[1] += -0.026270414;
        }
      }
    } else {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)6.9096999168)) {
        result[1] += -0.14921944;
      } else {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)3.0810000896)) {
          result[1] += 0.08035079;
        } else {
          result[1] += -0.09439492;
        }
      }
    }
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.704199791)) {
      result[1] += -0.1284612;
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.8281998634)) {
        if (!(data[1].missing != -1) || (data[1].fvalue < (float)45.512298584)) {
          result[1] += 0.16176058;
        } else {
          result[1] += -0.087341435;
        }
      } else {
        result[1] += -0.10039543;
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)8.35779953)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.1673998833)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)88.408805847)) {
        result[2] += -0.14846383;
      } else {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)3.842099905)) {
          result[2] += -0.08324517;
        } else {
          result[2] += 0.07361526;
        }
      }
    } else {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.1454000473)) {
        if (!(data[19].missing != -1) || (data[19].fvalue < (float)96.499603271)) {
          result[2] += -0.043541003;
        } else {
          result[2] += 0.060066525;
        }
      } else {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)3.6930000782)) {
          result[2] += -0.05707226;
        } else {
          result[2] += -0.17664918;
        }
      }
    }
  } else {
    if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.4362001419)) {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.2787001133)) {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.2893999815)) {
          result[2] += -0.14131553;
        } else {
          result[2] += 0.025738647;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.9293999672)) {
          result[2] += 0.023136057;
        } else {
          result[2] += -0.15873304;
        }
      }
    } else {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.3333997726)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.506000042)) {
          result[2] += 0.009857575;
        } else {
          result[2] += 0.08087293;
        }
      } else {
        result[2] += -0.14672357;
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.8281998634)) {
    if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.371999979)) {
      if ( (data[10].missing != -1) && (data[10].fvalue < (float)28.870800018)) {
        if (!(data[18].missing != -1) || (data[18].fvalue < (float)4.5095000267)) {
          result[3] += -0.104007505;
        } else {
          result[3] += 0.0658951;
        }
      } else {
        result[3] += -0.14960974;
      }
    } else {
      if ( (data[7].missing != -1) && (data[7].fvalue < (float)2.9210999012)) {
        result[3] += 0.10396021;
      } else {
        result[3] += -0.08305464;
      }
    }
  } else {
    if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.6069999933)) {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)3.5899999142)) {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.3004000187)) {
          result[3] += -0.11041818;
        } else {
          result[3] += 0.06197181;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.4049999714)) {
          result[3] += 0.15178782;
        } else {
          result[3] += 0.03681096;
        }
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)5.3333997726)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)10.474100113)) {
          result[3] += -0.01480116;
        } else {
          result[3] += -0.1282895;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.9708000422)) {
          result[3] += 0.15008716;
        } else {
          result[3] += -0.1458026;
        }
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.3411998749)) {
    result[4] += -0.14955367;
  } else {
    if ( (data[4].missing != -1) && (data[4].fvalue < (float)3.0992999077)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)4.7993998528)) {
        result[4] += 0.01979222;
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)34.729301453)) {
          result[4] += -0.035413094;
        } else {
          result[4] += -0.13155152;
        }
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.3126997948)) {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)2.6828000546)) {
          result[4] += -0.041232836;
        } else {
          result[4] += 0.15138829;
        }
      } else {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)5.9718999863)) {
          result[4] += -0.08807552;
        } else {
          result[4] += -0.008744193;
        }
      }
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.5398999453)) {
    if (!(data[4].missing != -1) || (data[4].fvalue < (float)2.7934999466)) {
      if ( (data[19].missing != -1) && (data[19].fvalue < (float)95.586799622)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.9994997978)) {
          result[5] += 0.13055736;
        } else {
          result[5] += -0.12112463;
        }
      } else {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.4529999495)) {
          result[5] += -0.13660719;
        } else {
          result[5] += 0.06495569;
        }
      }
    } else {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.0546998978)) {
        result[5] += -0.14939947;
      } else {
        if (!(data[8].missing != -1) || (data[8].fvalue < (float)24.834400177)) {
          result[5] += 0.07905918;
        } else {
          result[5] += -0.11813009;
        }
      }
    }
  } else {
    if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.8794000149)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)41.087299347)) {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)28.870800018)) {
          result[5] += 0.029192468;
        } else {
          result[5] += -0.15170847;
        }
      } else {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.2904999256)) {
          result[5] += 0.1324016;
        } else {
          result[5] += -0.11744387;
        }
      }
    } else {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)28.0666008)) {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)39.165298462)) {
          result[5] += 0.029028054;
        } else {
          result[5] += 0.2661779;
        }
      } else {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)5.0350999832)) {
          result[5] += -0.095342405;
        } else {
          result[5] += 0.066330336;
        }
      }
    }
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.472099781)) {
    if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.9005000591)) {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.5721999407)) {
        result[6] += -0.14583142;
      } else {
        if (!(data[8].missing != -1) || (data[8].fvalue < (float)30.50110054)) {
          result[6] += 0.0920699;
        } else {
          result[6] += -0.120408826;
        }
      }
    } else {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)138.44941711)) {
        result[6] += -0.15145457;
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)34.580501556)) {
          result[6] += 0.05973415;
        } else {
          result[6] += -0.10868694;
        }
      }
    }
  } else {
    if (!(data[13].missing != -1) || (data[13].fvalue < (float)2.9855999947)) {
      if (!(data[16].missing != -1) || (data[16].fvalue < (float)2.9904000759)) {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)48.073898315)) {
          result[6] += 0.119928814;
        } else {
          result[6] += -0.07612573;
        }
      } else {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.2806999683)) {
          result[6] += -0.08716477;
        } else {
          result[6] += 0.05079756;
        }
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.1922001839)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.9846000671)) {
          result[6] += -0.05080758;
        } else {
          result[6] += 0.09992334;
        }
      } else {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)31.053699493)) {
          result[6] += 0.08602758;
        } else {
          result[6] += -0.14057308;
        }
      }
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.3633000851)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.7906999588)) {
      if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.1778001785)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.9966000319)) {
          result[7] += -0.13577506;
        } else {
          result[7] += 0.053028036;
        }
      } else {
        if ( (data[19].missing != -1) && (data[19].fvalue < (float)77.734596252)) {
          result[7] += 0.16151068;
        } else {
          result[7] += -0.123329304;
        }
      }
    } else {
      if ( (data[19].missing != -1) && (data[19].fvalue < (float)98.399597168)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.2006001472)) {
          result[7] += 0.16900426;
        } else {
          result[7] += -0.071290016;
        }
      } else {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)2.7023999691)) {
          result[7] += 0.2064736;
        } else {
          result[7] += -0.11434094;
        }
      }
    }
  } else {
    if (!(data[9].missing != -1) || (data[9].fvalue < (float)40.577999115)) {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.7223000526)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)8.9538002014)) {
          result[7] += -0.13820401;
        } else {
          result[7] += 0.058898006;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.7554998398)) {
          result[7] += -0.13216668;
        } else {
          result[7] += 0.124395385;
        }
      }
    } else {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.0010999441)) {
        result[7] += 0.05932012;
      } else {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.9911999702)) {
          result[7] += -0.1563971;
        } else {
          result[7] += -0.0023999219;
        }
      }
    }
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)40.779098511)) {
    if ( (data[10].missing != -1) && (data[10].fvalue < (float)29.631500244)) {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)38.462898254)) {
        result[8] += -0.13729095;
      } else {
        result[8] += 0.3483315;
      }
    } else {
      result[8] += -0.14929026;
    }
  } else {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.9846000671)) {
      if ( (data[10].missing != -1) && (data[10].fvalue < (float)34.349899292)) {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)138.44941711)) {
          result[8] += 0.17170152;
        } else {
          result[8] += -0.025820492;
        }
      } else {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)47.957698822)) {
          result[8] += -0.11454487;
        } else {
          result[8] += 0.132201;
        }
      }
    } else {
      if (!(data[1].missing != -1) || (data[1].fvalue < (float)46.469100952)) {
        result[8] += -0.14806834;
      } else {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)35.676498413)) {
          result[8] += 0.1093132;
        } else {
          result[8] += 0.024688708;
        }
      }
    }
  }
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.4772000313)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)26.82449913)) {
      if (!(data[0].missing != -1) || (data[0].fvalue < (float)45.588100433)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.3267998695)) {
          result[0] += 0.01241262;
        } else {
          result[0] += -0.12158334;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.8963999748)) {
          result[0] += -0.23740153;
        } else {
          result[0] += 0.06385785;
        }
      }
    } else {
      if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.185199976)) {
        if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.3067998886)) {
          result[0] += 0.053859446;
        } else {
          result[0] += -0.13568132;
        }
      } else {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)4.5444002151)) {
          result[0] += -0.14983739;
        } else {
          result[0] += 0.034992702;
        }
      }
    }
  } else {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)43.040298462)) {
      if (!(data[18].missing != -1) || (data[18].fvalue < (float)4.9889001846)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.6707999706)) {
          result[0] += -0.041732978;
        } else {
          result[0] += -0.14755315;
        }
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)34.690601349)) {
          result[0] += 0.074021325;
        } else {
          result[0] += -0.06972094;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.4017000198)) {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)49.573200226)) {
          result[0] += 0.13600253;
        } else {
          result[0] += -0.10229009;
        }
      } else {
        result[0] += -0.13443528;
      }
    }
  }
  if (!(data[15].missing != -1) || (data[15].fvalue < (float)6.2150998116)) {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.9032001495)) {
      if (!(data[10].missing != -1) || (data[10].fvalue < (float)37.121601105)) {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)46.686599731)) {
          result[1] += 0.00313217;
        } else {
          result[1] += -0.16484512;
        }
      } else {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)48.826400757)) {
          result[1] += 0.17949599;
        } else {
          result[1] += -0.030801598;
        }
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)6.2150998116)) {
        if (!(data[19].missing != -1) || (data[19].fvalue < (float)114.06659698)) {
          result[1] += -0.14368248;
        } else {
          result[1] += 0.00044053374;
        }
      } else {
        if (!(data[19].missing != -1) || (data[19].fvalue < (float)105.76979828)) {
          result[1] += -0.1092648;
        } else {
          result[1] += 0.1731481;
        }
      }
    }
  } else {
    if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.5048999786)) {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.8940000534)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.2135000229)) {
          result[1] += 0.11694207;
        } else {
          result[1] += -0.11448517;
        }
      } else {
        result[1] += 0.15125811;
      }
    } else {
      result[1] += -0.11668224;
    }
  }
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)10.624799728)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.1673998833)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)88.408805847)) {
        result[2] += -0.14780083;
      } else {
        if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.0104000568)) {
          result[2] += -0.07789687;
        } else {
          result[2] += 0.073591076;
        }
      }
    } else {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.021600008)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)9.4483995438)) {
          result[2] += 0.017877672;
        } else {
          result[2] += 0.11955494;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.6791000366)) {
          result[2] += 0.07627142;
        } else {
          result[2] += -0.054535646;
        }
      }
    }
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.345400095)) {
      if (!(data[8].missing != -1) || (data[8].fvalue < (float)30.663999557)) {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)40.985298157)) {
          result[2] += 0.10626592;
        } else {
          result[2] += -0.057542298;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.6095000505)) {
          result[2] += 0.09309536;
        } else {
          result[2] += 0.23804156;
        }
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.7813000679)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)12.622699738)) {
          result[2] += -0.019187126;
        } else {
          result[2] += 0.15192592;
        }
      } else {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)5.3811001778)) {
          result[2] += 0.008038587;
        } else {
          result[2] += -0.19105586;
        }
      }
    }
  }
  if ( (data[13].missing != -1) && (data[13].fvalue < (float)3.076800108)) {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.2294001579)) {
      result[3] += -0.14881472;
    } else {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.2713000774)) {
        if (!(data[16].missing != -1) || (data[16].fvalue < (float)2.8896999359)) {
          result[3] += -0.15627281;
        } else {
          result[3] += 0.045435492;
        }
      } else {
        if (!(data[18].missing != -1) || (data[18].fvalue < (float)5.4039998055)) {
          result[3] += -0.15398991;
        } else {
          result[3] += -0.028353345;
        }
      }
    }
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.7510999441)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.5099000931)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)23.480100632)) {
          result[3] += 0.09714301;
        } else {
          result[3] += -0.10986733;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)8.1014995575)) {
          result[3] += -0.08909006;
        } else {
          result[3] += -0.41368958;
        }
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.4749000072)) {
        result[3] += -0.14635602;
      } else {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.4049999714)) {
          result[3] += 0.094306104;
        } else {
          result[3] += 0.017292973;
        }
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.3411998749)) {
    result[4] += -0.1490119;
  } else {
    if ( (data[4].missing != -1) && (data[4].fvalue < (float)3.0992999077)) {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)4.7993998528)) {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)5.9718999863)) {
          result[4] += -0.07694018;
        } else {
          result[4] += 0.08077145;
        }
      } else {
        result[4] += -0.1238859;
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.3126997948)) {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.3306000233)) {
          result[4] += -0.017936284;
        } else {
          result[4] += 0.14964584;
        }
      } else {
        if (!(data[6].missing != -1) || (data[6].fvalue < (float)3.3633999825)) {
          result[4] += -0.08138524;
        } else {
          result[4] += -0.01230625;
        }
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.005300045)) {
    if (!(data[4].missing != -1) || (data[4].fvalue < (float)2.8080999851)) {
      if ( (data[3].missing != -1) && (data[3].fvalue < (float)3.6470000744)) {
        result[5] += -0.13279097;
      } else {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)33.940101624)) {
          result[5] += 0.12526074;
        } else {
          result[5] += -0.09493249;
        }
      }
    } else {
      if ( (data[7].missing != -1) && (data[7].fvalue < (float)7.0232100487)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)88.408805847)) {
          result[5] += -0.14957674;
        } else {
          result[5] += -0.016048944;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.5628999472)) {
          result[5] += 0.07154781;
        } else {
          result[5] += -0.086345315;
        }
      }
    }
  } else {
    if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.7190001011)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)41.032901764)) {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)33.148899078)) {
          result[5] += -0.104147434;
        } else {
          result[5] += 0.007496691;
        }
      } else {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.8538999557)) {
          result[5] += -0.02981944;
        } else {
          result[5] += 0.14871773;
        }
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.4916000366)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)4.9538002014)) {
          result[5] += -0.08399693;
        } else {
          result[5] += 0.07047397;
        }
      } else {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)2.0267000198)) {
          result[5] += -0.14692408;
        } else {
          result[5] += 0.092125535;
        }
      }
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.6136000156)) {
    if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.9047000408)) {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.472099781)) {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.6521000862)) {
          result[6] += 0.039609708;
        } else {
          result[6] += -0.13350561;
        }
      } else {
        if (!(data[6].missing != -1) || (data[6].fvalue < (float)3.0362000465)) {
          result[6] += -0.12565506;
        } else {
          result[6] += 0.20303808;
        }
      }
    } else {
      result[6] += -0.1488726;
    }
  } else {
    if ( (data[13].missing != -1) && (data[13].fvalue < (float)2.9087998867)) {
      if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.089400053)) {
        if (!(data[4].missing != -1) || (data[4].fvalue < (float)2.622699976)) {
          result[6] += -0.09000467;
        } else {
          result[6] += 0.11808513;
        }
      } else {
        if ( (data[13].missing != -1) && (data[13].fvalue < (float)2.7046999931)) {
          result[6] += 0.06369708;
        } else {
          result[6] += -0.14910881;
        }
      }
    } else {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)3.9107999802)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)28.302200317)) {
          result[6] += 0.011739205;
        } else {
          result[6] += -0.11006004;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.9914999008)) {
          result[6] += -0.02876955;
        } else {
          result[6] += 0.11365251;
        }
      }
    }
  }
  if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.7409000397)) {
    if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.1126000881)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)22.046499252)) {
        result[7] += 0.0975818;
      } else {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.94330000877)) {
          result[7] += 0.07525836;
        } else {
          result[7] += -0.1327829;
        }
      }
    } else {
      if (!(data[9].missing != -1) || (data[9].fvalue < (float)38.441200256)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.8000001907)) {
          result[7] += 0.07250446;
        } else {
          result[7] += -0.100744545;
        }
      } else {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.94330000877)) {
          result[7] += 0.08818855;
        } else {
          result[7] += -0.14354083;
        }
      }
    }
  } else {
    if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.7080001831)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.7122001648)) {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)2.9904000759)) {
          result[7] += 0.09058723;
        } else {
          result[7] += -0.13350995;
        }
      } else {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.4505000114)) {
          result[7] += 0.15034172;
        } else {
          result[7] += -0.12529664;
        }
      }
    } else {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.94330000877)) {
        result[7] += 0.13632931;
      } else {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)3.7372000217)) {
          result[7] += -0.0068069263;
        } else {
          result[7] += -0.13698554;
        }
      }
    }
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)40.779098511)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.4572000504)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)30.617799759)) {
        result[8] += 0.00086246367;
      } else {
        result[8] += -0.14881672;
      }
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.7465000153)) {
        result[8] += 0.18220966;
      } else {
        result[8] += -0.119534954;
      }
    }
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)50.659301758)) {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)36.467700958)) {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)51.336399078)) {
          result[8] += 0.17889144;
        } else {
          result[8] += -0.07848951;
        }
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)25.540800095)) {
          result[8] += 0.016797936;
        } else {
          result[8] += -0.13175657;
        }
      }
    } else {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.5896000862)) {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.3880000114)) {
          result[8] += 0.15072946;
        } else {
          result[8] += -0.07689739;
        }
      } else {
        if (!(data[1].missing != -1) || (data[1].fvalue < (float)47.03850174)) {
          result[8] += -0.11717888;
        } else {
          result[8] += 0.06997175;
        }
      }
    }
  }
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.8281998634)) {
    if (!(data[8].missing != -1) || (data[8].fvalue < (float)29.174699783)) {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.1764998436)) {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)45.402198792)) {
          result[0] += 0.009715189;
        } else {
          result[0] += -0.11550655;
        }
      } else {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.9435999393)) {
          result[0] += -0.17072856;
        } else {
          result[0] += -0.046150677;
        }
      }
    } else {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.3333997726)) {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)51.030498505)) {
          result[0] += 0.042400334;
        } else {
          result[0] += -0.14324653;
        }
      } else {
        result[0] += -0.14013772;
      }
    }
  } else {
    result[0] += -0.14726877;
  }
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.2627000809)) {
    if ( (data[16].missing != -1) && (data[16].fvalue < (float)3.103399992)) {
      if (!(data[10].missing != -1) || (data[10].fvalue < (float)37.922798157)) {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.7305999994)) {
          result[1] += -0.00033539484;
        } else {
          result[1] += -0.12651743;
        }
      } else {
        if (!(data[7].missing != -1) || (data[7].fvalue < (float)3.0399999619)) {
          result[1] += 0.23598315;
        } else {
          result[1] += 0.069283925;
        }
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.5753002167)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)4.1760997772)) {
          result[1] += 0.073187366;
        } else {
          result[1] += -0.13740543;
        }
      } else {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)30.410900116)) {
          result[1] += -0.076259375;
        } else {
          result[1] += 0.12500843;
        }
      }
    }
  } else {
    if (!(data[15].missing != -1) || (data[15].fvalue < (float)6.9096999168)) {
      if (!(data[7].missing != -1) || (data[7].fvalue < (float)3.2662000656)) {
        result[1] += -0.14799045;
      } else {
        result[1] += -0.021456547;
      }
    } else {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.5992999077)) {
        result[1] += 0.08809221;
      } else {
        result[1] += -0.08115515;
      }
    }
  }
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)11.302000046)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.1673998833)) {
      if ( (data[19].missing != -1) && (data[19].fvalue < (float)272.78659058)) {
        result[2] += -0.14712134;
      } else {
        result[2] += 0.009872857;
      }
    } else {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.265599966)) {
        if (!(data[8].missing != -1) || (data[8].fvalue < (float)30.663999557)) {
          result[2] += -0.0063923695;
        } else {
          result[2] += 0.057206966;
        }
      } else {
        if (!(data[18].missing != -1) || (data[18].fvalue < (float)5.4672999382)) {
          result[2] += -0.094307385;
        } else {
          result[2] += 0.06803185;
        }
      }
    }
  } else {
    if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.4247000217)) {
      if (!(data[18].missing != -1) || (data[18].fvalue < (float)4.4590997696)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.646900177)) {
          result[2] += 0.113254316;
        } else {
          result[2] += -0.056616295;
        }
      } else {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)42.866500854)) {
          result[2] += 0.15546985;
        } else {
          result[2] += -0.061812285;
        }
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.7813000679)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)39.914901733)) {
          result[2] += 0.12161376;
        } else {
          result[2] += -0.044411547;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.4702999592)) {
          result[2] += 0.050051015;
        } else {
          result[2] += -0.16308066;
        }
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.8281998634)) {
    if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.371999979)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.6067999601)) {
        if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.4615000486)) {
          result[3] += -0.0888773;
        } else {
          result[3] += 0.06519372;
        }
      } else {
        result[3] += -0.14873262;
      }
    } else {
      result[3] += 0.013033287;
    }
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)33.622898102)) {
      if (!(data[6].missing != -1) || (data[6].fvalue < (float)2.3303000927)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.5743999481)) {
          result[3] += 0.19829041;
        } else {
          result[3] += 0.024481306;
        }
      } else {
        if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.3198000193)) {
          result[3] += -0.15853098;
        } else {
          result[3] += 0.004515957;
        }
      }
    } else {
      if (!(data[8].missing != -1) || (data[8].fvalue < (float)30.663999557)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.5896000862)) {
          result[3] += 0.02367191;
        } else {
          result[3] += 0.102642395;
        }
      } else {
        if (!(data[5].missing != -1) || (data[5].fvalue < (float)1.2048000097)) {
          result[3] += 0.01781093;
        } else {
          result[3] += -0.06578894;
        }
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.3411998749)) {
    result[4] += -0.14843643;
  } else {
    if ( (data[4].missing != -1) && (data[4].fvalue < (float)3.0992999077)) {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.2930002213)) {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)5.9718999863)) {
          result[4] += -0.08229602;
        } else {
          result[4] += 0.078721136;
        }
      } else {
        result[4] += -0.12303444;
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.8320999146)) {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.3306000233)) {
          result[4] += -0.021263523;
        } else {
          result[4] += 0.15104613;
        }
      } else {
        if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.2309000492)) {
          result[4] += -0.10527357;
        } else {
          result[4] += 0.098932646;
        }
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)3.989700079)) {
    if (!(data[4].missing != -1) || (data[4].fvalue < (float)2.8080999851)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.3875999451)) {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)37.846401215)) {
          result[5] += -0.041461136;
        } else {
          result[5] += 0.17879076;
        }
      } else {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)2.8145999908)) {
          result[5] += 0.0716255;
        } else {
          result[5] += -0.11922193;
        }
      }
    } else {
      if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.5978000164)) {
        result[5] += -0.14850457;
      } else {
        if (!(data[7].missing != -1) || (data[7].fvalue < (float)2.8724000454)) {
          result[5] += 0.1688614;
        } else {
          result[5] += -0.12787615;
        }
      }
    }
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)33.970298767)) {
      if ( (data[10].missing != -1) && (data[10].fvalue < (float)28.46559906)) {
        if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.0964000225)) {
          result[5] += -0.034089398;
        } else {
          result[5] += 0.1760951;
        }
      } else {
        if (!(data[18].missing != -1) || (data[18].fvalue < (float)3.9741001129)) {
          result[5] += 0.041603684;
        } else {
          result[5] += -0.14979658;
        }
      }
    } else {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)37.706699371)) {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.1703999043)) {
          result[5] += 0.19972156;
        } else {
          result[5] += -0.10366193;
        }
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)38.320899963)) {
          result[5] += -0.056495853;
        } else {
          result[5] += 0.07778144;
        }
      }
    }
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.5896000862)) {
    if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.9047000408)) {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.5507999659)) {
        result[6] += -0.14088172;
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)30.50110054)) {
          result[6] += 0.08734102;
        } else {
          result[6] += -0.10861965;
        }
      }
    } else {
      if ( (data[13].missing != -1) && (data[13].fvalue < (float)2.7946999073)) {
        if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.274099946)) {
          result[6] += 0.13517247;
        } else {
          result[6] += -0.11496002;
        }
      } else {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)138.44941711)) {
          result[6] += -0.14985266;
        } else {
          result[6] += -0.053552117;
        }
      }
    }
  } else {
    if (!(data[6].missing != -1) || (data[6].fvalue < (float)2.8691999912)) {
      if ( (data[13].missing != -1) && (data[13].fvalue < (float)2.844700098)) {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.6979000568)) {
          result[6] += -0.108282134;
        } else {
          result[6] += 0.11475119;
        }
      } else {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)39.360500336)) {
          result[6] += -0.04270697;
        } else {
          result[6] += -0.19087623;
        }
      }
    } else {
      if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.089400053)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)4.7993998528)) {
          result[6] += -0.111581616;
        } else {
          result[6] += 0.101490654;
        }
      } else {
        if (!(data[19].missing != -1) || (data[19].fvalue < (float)112.65930176)) {
          result[6] += -0.12789649;
        } else {
          result[6] += 0.1330308;
        }
      }
    }
  }
  if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.2232999802)) {
    if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.8049000502)) {
      if (!(data[9].missing != -1) || (data[9].fvalue < (float)37.008598328)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.1047999859)) {
          result[7] += -0.10704313;
        } else {
          result[7] += 0.076237835;
        }
      } else {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.94330000877)) {
          result[7] += 0.11636494;
        } else {
          result[7] += -0.10259162;
        }
      }
    } else {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.6833999157)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)8.9538002014)) {
          result[7] += -0.13965549;
        } else {
          result[7] += 0.003610513;
        }
      } else {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.2217001915)) {
          result[7] += 0.17077954;
        } else {
          result[7] += 0.06060264;
        }
      }
    }
  } else {
    if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.2940001488)) {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.7281000614)) {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)48.465000153)) {
          result[7] += -0.13024105;
        } else {
          result[7] += 0.06993639;
        }
      } else {
        result[7] += 0.16595885;
      }
    } else {
      if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.2014000416)) {
        result[7] += -0.14900304;
      } else {
        if ( (data[7].missing != -1) && (data[7].fvalue < (float)2.9058001041)) {
          result[7] += 0.0677226;
        } else {
          result[7] += -0.11586682;
        }
      }
    }
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)40.779098511)) {
    if ( (data[10].missing != -1) && (data[10].fvalue < (float)29.631500244)) {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)39.247200012)) {
        result[8] += -0.13245003;
      } else {
        result[8] += 0.2873029;
      }
    } else {
      result[8] += -0.14812158;
    }
  } else {
    if ( (data[10].missing != -1) && (data[10].fvalue < (float)33.14730072)) {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)138.44941711)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.2627000809)) {
          result[8] += 0.1839859;
        } else {
          result[8] += -0.061074946;
        }
      } else {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)46.85269928)) {
          result[8] += -0.125439;
        } else {
          result[8] += 0.14860818;
        }
      }
    } else {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)50.839298248)) {
        if ( (data[19].missing != -1) && (data[19].fvalue < (float)90.632896423)) {
          result[8] += 0.03434135;
        } else {
          result[8] += -0.1255276;
        }
      } else {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)46.033798218)) {
          result[8] += -0.12305183;
        } else {
          result[8] += 0.1535542;
        }
      }
    }
  }
}

